// The validation must catch what it is there to catch: each test plants one fault into a copy of
// the rendered prod overlay and expects a finding naming it; the untouched copy has none.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { checkObjects, here, k8sDir, parseYaml, placeholderImages, privateKeySecretsIn, render } from "./checks.mjs";

let prod;
let privateKeySecrets;

before(() => {
  prod = render(join(k8sDir, "overlays", "prod"));
  privateKeySecrets = privateKeySecretsIn(parseYaml(readFileSync(join(k8sDir, "base", "secrets.template.yaml"), "utf8")));
});

const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const findings = (objects) => checkObjects("prod", objects, { privateKeySecrets, requireDigests: true });

async function plant(change) {
  const copy = structuredClone(prod);
  change(copy);
  return findings(copy);
}

function assertFinding(list, pattern) {
  assert.ok(list.some((f) => pattern.test(f)), `expected a finding matching ${pattern}, got:\n${list.join("\n")}`);
}

test("the prod overlay as shipped has no findings", async () => {
  assert.deepEqual(await findings(structuredClone(prod)), []);
});

test("a container without a resources block is found", async () => {
  const list = await plant((o) => { delete find(o, "Deployment", "api-gateway").spec.template.spec.containers[0].resources; });
  assertFinding(list, /Deployment\/api-gateway container api-gateway: needs cpu and memory limits/);
  assertFinding(list, /Deployment\/api-gateway container api-gateway: needs cpu and memory requests/);
});

test("an unknown field in an operator's resource is found (CRD schema)", async () => {
  const list = await plant((o) => { find(o, "MongoDBCommunity", "mongodb").spec.membrs = 3; });
  assertFinding(list, /MongoDBCommunity\/mongodb: schema: .*additional properties \(membrs\)/);
});

test("an unknown field deep in a Gateway API resource is found", async () => {
  const list = await plant((o) => { find(o, "HTTPRoute", "api-gateway").spec.rules[0].backendRefs[0].weigth = 1; });
  assertFinding(list, /HTTPRoute\/api-gateway: schema: \/spec\/rules\/0\/backendRefs\/0 .*\(weigth\)/);
});

test("a wrong type in a custom resource is found", async () => {
  const list = await plant((o) => { find(o, "Gateway", "brigades").spec.listeners[0].port = "eighty"; });
  assertFinding(list, /Gateway\/brigades: schema: \/spec\/listeners\/0\/port must be integer/);
});

test("an unknown field in a Kubernetes kind is found", async () => {
  const list = await plant((o) => { find(o, "Deployment", "station-service").spec.template.spec.containers[0].resourcez = {}; });
  assertFinding(list, /Deployment\/station-service: unknown field spec\.template\.spec\.containers\[0\]\.resourcez/);
});

test("a custom resource without a stored schema is found", async () => {
  const list = await plant((o) => { o.push({ apiVersion: "example.org/v1", kind: "Widget", metadata: { name: "w" }, spec: {} }); });
  assertFinding(list, /Widget\/w: no schema for Widget in example\.org\/v1/);
});

test("an Ingress is found", async () => {
  const list = await plant((o) => {
    o.push({ apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "legacy" },
      spec: { defaultBackend: { service: { name: "api-gateway", port: { number: 80 } } } } });
  });
  assertFinding(list, /Ingress\/legacy: no Ingress/);
});

test("an image by tag instead of digest in prod is found, and latest anywhere", async () => {
  const list = await plant((o) => {
    find(o, "CronJob", "mongodb-backup").spec.jobTemplate.spec.template.spec.containers[0].image = "docker.io/library/mongo:8.0.12";
    find(o, "Keycloak", "keycloak").spec.image = "quay.io/keycloak/keycloak:latest";
  });
  assertFinding(list, /CronJob\/mongodb-backup container mongodump: image "docker.io\/library\/mongo:8.0.12" is not pinned by digest/);
  assertFinding(list, /Keycloak\/keycloak container keycloak: image ".*:latest" is not pinned to a version/);
});

test("a service given the gateway's private key is found", async () => {
  const list = await plant((o) => {
    const env = find(o, "Deployment", "equipment-service").spec.template.spec.containers[0].env;
    env.find((e) => e.name === "INTERNAL_IDENTITY_JWK").valueFrom.secretKeyRef.name = "api-gateway-identity";
  });
  assertFinding(list, /Deployment\/equipment-service: reads the private key in Secret api-gateway-identity, which only api-gateway may hold/);
});

test("replicas on an autoscaled Deployment, and a missing disruption budget, are found", async () => {
  const list = await plant((o) => {
    find(o, "Deployment", "staffing-service").spec.replicas = 2;
    o.splice(o.indexOf(find(o, "PodDisruptionBudget", "staffing-service")), 1);
  });
  assertFinding(list, /Deployment\/staffing-service: sets replicas, but HorizontalPodAutoscaler\/staffing-service owns the count/);
  assertFinding(list, /Deployment\/staffing-service: autoscaled but has no PodDisruptionBudget/);
});

test("a workload nobody scrapes is found", async () => {
  const list = await plant((o) => { o.splice(o.indexOf(find(o, "PodMonitor", "station-service")), 1); });
  assertFinding(list, /Deployment\/station-service: no PodMonitor or ServiceMonitor scrapes it/);
});

test("a route to the application over plain HTTP is found", async () => {
  const list = await plant((o) => { find(o, "HTTPRoute", "api-gateway").spec.parentRefs[0].sectionName = "http"; });
  assertFinding(list, /HTTPRoute\/api-gateway: sends traffic to a backend from http, which is not HTTPS/);
});

test("a root or privileged container is found", async () => {
  const list = await plant((o) => {
    const pod = find(o, "StatefulSet", "keycloak-postgres").spec.template.spec;
    pod.securityContext.runAsNonRoot = false;
    pod.containers[0].securityContext.privileged = true;
  });
  assertFinding(list, /StatefulSet\/keycloak-postgres: pod must set runAsNonRoot: true/);
  assertFinding(list, /StatefulSet\/keycloak-postgres container postgres: must not run as root or privileged/);
});

test("images at the placeholder digest are listed, each once, and a real digest is not", () => {
  const copy = structuredClone(prod);
  const zeros = "0".repeat(64);
  const pod = (kind, name) => find(copy, kind, name).spec.template.spec;
  pod("Deployment", "api-gateway").containers[0].image = `registry.example/brigades/api-gateway@sha256:${zeros}`;
  pod("Deployment", "station-service").containers[0].image = `registry.example/brigades/station-service@sha256:${"ab".repeat(32)}`;
  find(copy, "Keycloak", "keycloak").spec.image = `quay.io/keycloak/keycloak@sha256:${zeros}`;
  const listed = placeholderImages(copy);
  assert.ok(listed.includes("registry.example/brigades/api-gateway (Deployment/api-gateway container api-gateway)"), listed.join("\n"));
  assert.ok(listed.some((p) => p.startsWith("quay.io/keycloak/keycloak (Keycloak/keycloak")), listed.join("\n"));
  assert.ok(!listed.some((p) => p.includes("station-service")), listed.join("\n"));
  assert.equal(new Set(listed).size, listed.length);
});

test("the release gate fails exactly while the prod overlay has placeholder digests", () => {
  const remaining = placeholderImages(prod);
  const run = spawnSync(process.execPath, [join(here, "validate.mjs"), "--release"], { encoding: "utf8" });
  if (remaining.length > 0) {
    assert.equal(run.status, 1, run.stdout + run.stderr);
    for (const p of remaining) assert.ok(run.stdout.includes(`placeholder digest, not a release: ${p}`), `${p} not named:\n${run.stdout}`);
  } else {
    assert.equal(run.status, 0, run.stdout + run.stderr);
  }
});
