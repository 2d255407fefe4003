// tools/pin-images.sh on a copy of k8s/ and tools/, with made-up Jib outputs and a stand-in for
// crane: what it writes must render and pass the prod checks, and what it cannot resolve it must
// say and fail on, never guess.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { parse } from "yaml";
import { checkObjects, k8sDir, placeholderImages, render } from "./checks.mjs";

const repo = join(k8sDir, "..");
const services = ["api-gateway", "station-service", "equipment-service", "staffing-service"];
const digestOf = (i) => `sha256:${String(i + 1).repeat(64)}`;
const thirdParty = {
  "quay.io/mongodb/mongodb-community-server:8.0.12-ubi8": "a1",
  "quay.io/mongodb/mongodb-agent:108.0.26.9062-1": "a2",
  "quay.io/mongodb/mongodb-kubernetes-operator-version-upgrade-post-start-hook:1.0.10": "a3",
  "quay.io/mongodb/mongodb-kubernetes-readinessprobe:1.0.24": "a4",
  "docker.io/library/mongo:8.0.12": "a5",
  "quay.io/keycloak/keycloak:26.0.7": "a6",
  "docker.io/library/postgres:16.10": "a7",
  "quay.io/prometheuscommunity/postgres-exporter:v0.17.1": "a8",
};

let root;
let bin;

/** A PATH of exactly the tools the script may use, so that a skopeo or crane on this machine does not count. */
function toolsOnly() {
  bin = join(root, "bin");
  mkdirSync(bin);
  for (const tool of ["bash", "awk", "sed", "grep", "mktemp", "tr", "cat", "rm", "dirname", "kubectl"]) {
    const found = spawnSync("bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found) symlinkSync(found, join(bin, tool));
  }
}

function jibBuilt({ registry = "registry.jincheng.example/brigades", pushed = true } = {}) {
  services.forEach((service, i) => {
    const target = join(root, service, "target");
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, "jib-image.digest"), digestOf(i));
    writeFileSync(join(target, "jib-image.json"), JSON.stringify({
      image: `${registry}/${service}:0.1.0`, imageId: `sha256:${"c".repeat(64)}`, imageDigest: digestOf(i),
      tags: ["0.1.0"], imagePushed: pushed,
    }));
  });
}

function pin(...args) {
  return spawnSync("bash", [join(root, "tools", "pin-images.sh"), ...args], {
    encoding: "utf8", env: { PATH: bin, HOME: root },
  });
}

const prodImages = () => parse(readFileSync(join(root, "k8s", "overlays", "prod", "kustomization.yaml"), "utf8")).images;
const entry = (name) => prodImages().find((e) => e.name === name);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "pin-images-"));
  cpSync(join(repo, "tools"), join(root, "tools"), { recursive: true });
  cpSync(k8sDir, join(root, "k8s"), { recursive: true, filter: (src) => !src.includes("node_modules") });
  toolsOnly();
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

test("without skopeo or crane: ours are pinned, the placeholders left are named, and it fails", () => {
  jibBuilt();
  const run = pin();
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /neither skopeo nor crane is on PATH/);
  for (const name of ["quay.io/mongodb/mongodb-agent", "docker.io/library/mongo"]) assert.match(run.stdout, new RegExp(`\\n +${name}\\b`));
  assert.doesNotMatch(run.stdout, /\n +quay\.io\/keycloak\/keycloak\b/, "a pinned third-party image is not a placeholder");
  services.forEach((service, i) => {
    const e = entry(`registry.jincheng.example/brigades/${service}`);
    assert.equal(e.digest, digestOf(i));
    assert.equal(e.newName, undefined);
  });
  const text = readFileSync(join(root, "k8s", "overlays", "prod", "kustomization.yaml"), "utf8");
  assert.match(text, /# 16\.10: many independent public sources agree/, "comments are kept");
});

test("--ours-only pins ours, points them at the registry they were pushed to, and succeeds", () => {
  jibBuilt({ registry: "harbor.city.example:5000/brigades" });
  const run = pin("--ours-only");
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const e = entry("registry.jincheng.example/brigades/staffing-service");
  assert.equal(e.newName, "harbor.city.example:5000/brigades/staffing-service");
  assert.equal(e.digest, digestOf(3));
  const rendered = render(join(root, "k8s", "overlays", "prod"));
  const staffing = rendered.find((o) => o.kind === "Deployment" && o.metadata.name === "staffing-service");
  assert.equal(staffing.spec.template.spec.containers[0].image, `harbor.city.example:5000/brigades/staffing-service@${digestOf(3)}`);
});

test("with crane: every image is pinned at the tag the manifests use, and prod passes the release gate", async () => {
  jibBuilt();
  const asked = join(root, "asked");
  writeFileSync(join(bin, "crane"), `#!/bin/bash\n[ "$1" = digest ] || exit 2\necho "$2" >> ${asked}\ncase "$2" in\n${
    Object.entries(thirdParty).map(([ref, d]) => `  ${ref}) echo sha256:${d.repeat(32)} ;;`).join("\n")}\n  *) exit 1 ;;\nesac\n`);
  chmodSync(join(bin, "crane"), 0o755);
  const run = pin();
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.deepEqual(readFileSync(asked, "utf8").trim().split("\n").sort(), Object.keys(thirdParty).sort());
  assert.equal(entry("docker.io/library/postgres").digest, `sha256:${"a7".repeat(32)}`);
  assert.match(run.stdout, /docker\.io\/library\/postgres:16\.10: sha256:(a7)+ \(was sha256:21f6013/, "a changed digest is said");
  const rendered = render(join(root, "k8s", "overlays", "prod"));
  assert.deepEqual(placeholderImages(rendered), []);
  assert.deepEqual(await checkObjects("prod", rendered, { requireDigests: true }), []);
});

test("a digest of an image that was not pushed (jib:buildTar) is refused", () => {
  jibBuilt({ pushed: false });
  const run = pin("--ours-only");
  assert.equal(run.status, 1);
  assert.match(run.stderr, /api-gateway: .* was not pushed/);
  assert.equal(entry("registry.jincheng.example/brigades/api-gateway").digest, `sha256:${"0".repeat(64)}`);
});

test("without a Jib build it names the command to run", () => {
  const run = pin("--ours-only");
  assert.equal(run.status, 1);
  assert.match(run.stderr, /\.\/mvnw -B -Pimages -pl api-gateway,station-service,equipment-service,staffing-service -am package jib:build/);
  assert.ok(!existsSync(join(root, "api-gateway")));
});
