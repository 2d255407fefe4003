// Renders every overlay with `kubectl kustomize` and checks every object (checks.mjs): schemas
// of Kubernetes kinds and of every operator's and Gateway API custom resource (offline, schemas
// kept in schemas/), and our policy. Also checks the manifests applied by hand (k8s/operations)
// and the Secrets template. In prod every image must be pinned by digest. Exits 1 on any finding.
// Digests still at the shipped placeholder (sha256:0…0) are listed; with --release (the release
// gate, docs/operations.md) each of them is a finding.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkObjects, k8sDir, parseYaml, placeholderImages, privateKeySecretsIn, render } from "./checks.mjs";

const release = process.argv.slice(2).includes("--release");

const secretsTemplate = parseYaml(readFileSync(join(k8sDir, "base", "secrets.template.yaml"), "utf8"));
const privateKeySecrets = privateKeySecretsIn(secretsTemplate);
const findings = [];
const notes = [];
let objects = 0;

const overlays = readdirSync(join(k8sDir, "overlays"));
for (const overlay of overlays) {
  const rendered = render(join(k8sDir, "overlays", overlay));
  objects += rendered.length;
  findings.push(...(await checkObjects(overlay, rendered, { privateKeySecrets, requireDigests: overlay === "prod" })));
  const placeholders = placeholderImages(rendered);
  if (release) {
    findings.push(...placeholders.map((p) => `${overlay}: placeholder digest, not a release: ${p}`));
  } else if (placeholders.length > 0) {
    notes.push(`${overlay}: ${placeholders.length} images carry the placeholder digest sha256:0…0 (tools/pin-images.sh, docs/operations.md "Pin the images"; --release fails on them):`,
      ...placeholders.map((p) => `  ${p}`));
  }
}
const operations = readdirSync(join(k8sDir, "operations")).filter((f) => f.endsWith(".yaml"));
for (const file of operations) {
  const manifests = parseYaml(readFileSync(join(k8sDir, "operations", file), "utf8"));
  objects += manifests.length;
  findings.push(...(await checkObjects(`operations/${file}`, manifests, { privateKeySecrets })));
}
objects += secretsTemplate.length;
findings.push(...(await checkObjects("base/secrets.template.yaml", secretsTemplate, { privateKeySecrets })));

console.log(`[k8s]${release ? " release gate:" : ""} ${overlays.length} overlays (${overlays.join(", ")}), ${operations.length} operations manifests and the Secrets template: ${objects} objects, ${findings.length} findings`);
for (const finding of findings) console.log(`  - ${finding}`);
for (const note of notes) console.log(note.startsWith("  ") ? `      - ${note.trim()}` : `  note: ${note}`);
process.exit(findings.length === 0 ? 0 : 1);
