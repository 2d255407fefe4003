#!/usr/bin/env bash
# The rule-evaluation micro-benchmark (JMH): one brigade evaluated against the shipped catalog with
# 10, 100 and 1,000 equipment holdings. Extra JMH options pass through, e.g. bench/rules.sh -f 3
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./mvnw -B -q -DskipTests install -pl equipment-service -am
./mvnw -B -q test-compile dependency:build-classpath -pl equipment-service -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt
cd equipment-service
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main RuleEvaluationBenchmark "$@"
