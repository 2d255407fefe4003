// Renders every overlay with `kubectl kustomize`, validates each object against the Kubernetes
// schemas (kubernetes-models, offline), and applies our policy to every pod template:
// probes, requests and limits, non-root, read-only root filesystem, no privilege escalation,
// all capabilities dropped, seccomp RuntimeDefault, and pinned image tags. Exits 1 on any finding.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const k8s = join(dirname(fileURLToPath(import.meta.url)), "..");
const overlays = readdirSync(join(k8s, "overlays"));
const findings = [];
let objects = 0;

for (const overlay of overlays) {
  const rendered = execFileSync("kubectl", ["kustomize", join(k8s, "overlays", overlay)], { encoding: "utf8" });
  for (const doc of parseAllDocuments(rendered)) {
    const object = doc.toJS();
    if (!object) continue;
    objects++;
    const name = `${overlay}: ${object.kind}/${object.metadata?.name}`;
    await validateSchema(object, name);
    const pod = podSpecOf(object);
    if (pod) checkPolicy(pod, object.kind, name);
  }
}

console.log(`[k8s] ${overlays.length} overlays (${overlays.join(", ")}), ${objects} objects, ${findings.length} findings`);
for (const finding of findings) console.log(`  - ${finding}`);
process.exit(findings.length === 0 ? 0 : 1);

async function validateSchema(object, name) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  const modulePath = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  let models;
  try {
    models = await import(modulePath);
  } catch {
    findings.push(`${name}: no schema for ${object.apiVersion}`);
    return;
  }
  const Model = models[object.kind];
  if (!Model) {
    findings.push(`${name}: unknown kind ${object.kind} in ${object.apiVersion}`);
    return;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    findings.push(`${name}: schema: ${e.message.split("\n").slice(0, 3).join(" ")}`);
  }
}

function podSpecOf(object) {
  switch (object.kind) {
    case "Deployment": case "StatefulSet": case "DaemonSet": case "Job": case "ReplicaSet":
      return object.spec?.template?.spec;
    case "CronJob":
      return object.spec?.jobTemplate?.spec?.template?.spec;
    case "Pod":
      return object.spec;
    default:
      return null;
  }
}

function checkPolicy(pod, kind, name) {
  const podSecurity = pod.securityContext ?? {};
  if (podSecurity.runAsNonRoot !== true) findings.push(`${name}: pod must set runAsNonRoot: true`);
  if (podSecurity.seccompProfile?.type !== "RuntimeDefault") findings.push(`${name}: pod must use seccomp RuntimeDefault`);
  const containers = [...(pod.initContainers ?? []).map((c) => [c, true]), ...(pod.containers ?? []).map((c) => [c, false])];
  for (const [container, isInit] of containers) {
    const where = `${name} container ${container.name}`;
    const image = container.image ?? "";
    const tag = image.includes("@") ? "digest" : image.slice(image.lastIndexOf("/") + 1).split(":")[1];
    if (!tag || tag === "latest") findings.push(`${where}: image "${image}" is not pinned to a version`);
    const limits = container.resources?.limits ?? {};
    const requests = container.resources?.requests ?? {};
    if (!limits.cpu || !limits.memory) findings.push(`${where}: needs cpu and memory limits`);
    if (!requests.cpu || !requests.memory) findings.push(`${where}: needs cpu and memory requests`);
    const security = container.securityContext ?? {};
    if (security.readOnlyRootFilesystem !== true) findings.push(`${where}: needs readOnlyRootFilesystem: true`);
    if (security.allowPrivilegeEscalation !== false) findings.push(`${where}: needs allowPrivilegeEscalation: false`);
    if (!(security.capabilities?.drop ?? []).includes("ALL")) findings.push(`${where}: must drop ALL capabilities`);
    if (security.runAsUser === 0 || security.privileged === true) findings.push(`${where}: must not run as root or privileged`);
    // a Job's container runs to completion: probes do not apply to it or to init containers
    if (!isInit && kind !== "Job" && kind !== "CronJob") {
      if (!container.readinessProbe) findings.push(`${where}: needs a readiness probe`);
      if (!container.livenessProbe) findings.push(`${where}: needs a liveness probe`);
    }
  }
}
