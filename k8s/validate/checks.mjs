// The checks behind validate.mjs, one function per concern, each returning findings as strings.
// Schemas: Kubernetes kinds against kubernetes-models (types, required fields) and the field names
// of the Kubernetes API models in @kubernetes/client-node (an unknown field is a finding, as
// `kubectl apply --validate=strict` would make it); custom resources against the CRD schemas kept
// in schemas/<group>/<version>/<Kind>.json, with unknown fields refused where the CRD does not
// preserve them. Policy: see checkPolicy and the functions after it.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { parseAllDocuments } from "yaml";

export const here = dirname(fileURLToPath(import.meta.url));
export const k8sDir = join(here, "..");

export function render(path) {
  const out = execFileSync("kubectl", ["kustomize", path], { encoding: "utf8" });
  return parseYaml(out);
}

export function parseYaml(text) {
  return parseAllDocuments(text).map((doc) => doc.toJS()).filter((object) => object);
}

/** Every finding for one set of objects: an overlay's rendering, or a file of manifests. */
export async function checkObjects(source, objects, options = {}) {
  const findings = [];
  const privateKeySecrets = options.privateKeySecrets ?? new Map();
  for (const object of objects) {
    const name = `${source}: ${object.kind}/${object.metadata?.name}`;
    findings.push(...(await checkSchema(object, name)));
    findings.push(...checkImages(object, name, options));
    const pod = podSpecOf(object);
    if (pod) {
      findings.push(...checkPolicy(pod, object.kind, name));
      findings.push(...checkPrivateKeys(pod, object, name, privateKeySecrets));
    }
    if (object.kind === "Ingress") findings.push(`${name}: no Ingress: traffic comes in through the Gateway API`);
  }
  findings.push(...checkAutoscaled(source, objects));
  findings.push(...checkMonitored(source, objects));
  findings.push(...checkRoutes(source, objects));
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Schemas

// (metadata is the API server's ObjectMeta, which a CRD declares only as an object; its name is
// checked in checkSchema)
const CORE_GROUPS = new Set(["", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io",
  "storage.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io"]);
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const crdValidators = new Map();

async function checkSchema(object, name) {
  if (!object.apiVersion || !object.kind) return [`${name}: apiVersion and kind are required`];
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  if (!object.metadata?.name) return [`${name}: metadata.name is required`];
  return CORE_GROUPS.has(group) ? checkCoreSchema(object, name, group, version) : checkCrdSchema(object, name, group, version);
}

async function checkCoreSchema(object, name, group, version) {
  const findings = [];
  const modulePath = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  let models;
  try {
    models = await import(modulePath);
  } catch {
    return [`${name}: no schema for ${object.apiVersion}`];
  }
  const Model = models[object.kind];
  if (!Model) return [`${name}: unknown kind ${object.kind} in ${object.apiVersion}`];
  try {
    new Model(object).validate();
  } catch (e) {
    findings.push(`${name}: schema: ${e.message.split("\n").slice(0, 3).join(" ")}`);
  }
  const className = version.charAt(0).toUpperCase() + version.slice(1) + object.kind;
  for (const path of await unknownFields(object, className, "")) findings.push(`${name}: unknown field ${path}`);
  return findings;
}

const modelCache = new Map();

async function model(className) {
  if (!modelCache.has(className)) {
    const file = join(here, "node_modules", "@kubernetes", "client-node", "dist", "gen", "models", `${className}.js`);
    modelCache.set(className, existsSync(file) ? (await import(file))[className] : null);
  }
  return modelCache.get(className);
}

/** Field names not in the Kubernetes API model of that type, as JSON paths. */
async function unknownFields(value, type, path) {
  if (value === null || value === undefined) return [];
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) return [];
    return (await Promise.all(value.map((item, i) => unknownFields(item, array[1], `${path}[${i}]`)))).flat();
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value !== "object") return [];
    return (await Promise.all(Object.entries(value).map(([k, v]) => unknownFields(v, map[1], `${path}.${k}`)))).flat();
  }
  const Model = /^[A-Z]/.test(type) ? await model(type) : null;
  if (!Model || typeof value !== "object" || Array.isArray(value)) return [];
  const fields = new Map(Model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  const found = [];
  for (const [key, child] of Object.entries(value)) {
    if (!fields.has(key)) found.push(`${path}.${key}`.replace(/^\./, ""));
    else found.push(...(await unknownFields(child, fields.get(key), `${path}.${key}`)));
  }
  return found;
}

function checkCrdSchema(object, name, group, version) {
  const key = `${group}/${version}/${object.kind}`;
  if (!crdValidators.has(key)) {
    const file = join(here, "schemas", group, version, `${object.kind}.json`);
    crdValidators.set(key, existsSync(file) ? ajv.compile(strictSchema(JSON.parse(readFileSync(file, "utf8")), true)) : null);
  }
  const validate = crdValidators.get(key);
  if (!validate) return [`${name}: no schema for ${object.kind} in ${object.apiVersion} (k8s/validate/schemas/${key}.json)`];
  if (validate(object)) return [];
  return validate.errors.slice(0, 5).map((e) => `${name}: schema: ${e.instancePath || "/"} ${e.message}` +
    (e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""));
}

/**
 * A CRD's structural schema as a JSON schema that refuses unknown fields, as the API server does
 * with strict field validation: every object with declared properties gets
 * additionalProperties: false unless the CRD preserves unknown fields there. `metadata` is the
 * API server's (ObjectMeta), which the CRD declares only as an object.
 */
function strictSchema(schema, root = false) {
  if (!schema || typeof schema !== "object") return schema;
  if (Array.isArray(schema)) return schema.map((s) => strictSchema(s));
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strictSchema(v)]));
    } else if (["items", "additionalProperties", "not"].includes(key)) {
      out[key] = strictSchema(value);
    } else if (["allOf", "anyOf", "oneOf"].includes(key)) {
      out[key] = value.map((s) => strictSchema(s));
    } else if (key !== "x-kubernetes-validations") {
      out[key] = value;
    }
  }
  if (schema["x-kubernetes-int-or-string"]) {
    delete out.type;
    if (!out.anyOf) out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (out.properties && out.additionalProperties === undefined && !schema["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  if (root) {
    // every resource has these, whether or not its CRD declares them
    out.properties = { ...out.properties, apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" } };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Images: every image pinned (a tag that is not `latest`, or a digest); where digests are
// required (prod), every image by digest.

const DIGEST = /@sha256:[0-9a-f]{64}$/;
// what k8s/overlays/prod/kustomization.yaml ships where no digest could be verified
const PLACEHOLDER = /@sha256:0{64}$/;

/** Images still carrying the placeholder digest, each named once: "image (kind/name container)". */
export function placeholderImages(objects) {
  const found = new Map();
  for (const object of objects) {
    for (const [container, image] of imagesOf(object)) {
      if (image && PLACEHOLDER.test(image) && !found.has(image)) {
        found.set(image, `${image.replace(PLACEHOLDER, "")} (${object.kind}/${object.metadata?.name} container ${container})`);
      }
    }
  }
  return [...found.values()];
}

export function imagesOf(object) {
  const images = [];
  const containersIn = (pod) => [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
  const pod = podSpecOf(object);
  if (pod) for (const c of containersIn(pod)) images.push([c.name, c.image]);
  if (object.kind === "MongoDBCommunity") {
    for (const c of containersIn(object.spec?.statefulSet?.spec?.template?.spec)) images.push([c.name, c.image]);
  }
  if (object.kind === "Keycloak" && object.spec?.image) images.push(["keycloak", object.spec.image]);
  return images;
}

function checkImages(object, name, options) {
  const findings = [];
  for (const [container, image] of imagesOf(object)) {
    const where = `${name} container ${container}`;
    if (!image) {
      // an operator's container named without an image keeps the operator's default: not mirrored
      findings.push(`${where}: no image (every image must be in the kustomize images list)`);
      continue;
    }
    const tag = image.includes("@") ? "digest" : image.slice(image.lastIndexOf("/") + 1).split(":")[1];
    if (!tag || tag === "latest") findings.push(`${where}: image "${image}" is not pinned to a version`);
    if (options.requireDigests && !DIGEST.test(image)) findings.push(`${where}: image "${image}" is not pinned by digest`);
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Pod policy: the restricted Pod Security Standard and more (probes, requests and limits).

export function podSpecOf(object) {
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
  const findings = [];
  const podSecurity = pod.securityContext ?? {};
  if (podSecurity.runAsNonRoot !== true) findings.push(`${name}: pod must set runAsNonRoot: true`);
  if (podSecurity.runAsUser === 0) findings.push(`${name}: pod must not run as user 0`);
  if (podSecurity.seccompProfile?.type !== "RuntimeDefault") findings.push(`${name}: pod must use seccomp RuntimeDefault`);
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) findings.push(`${name}: pod must not share the host's namespaces`);
  for (const volume of pod.volumes ?? []) {
    if (volume.hostPath) findings.push(`${name}: volume ${volume.name} must not be a hostPath`);
  }
  const containers = [...(pod.initContainers ?? []).map((c) => [c, true]), ...(pod.containers ?? []).map((c) => [c, false])];
  for (const [container, isInit] of containers) {
    const where = `${name} container ${container.name}`;
    const limits = container.resources?.limits ?? {};
    const requests = container.resources?.requests ?? {};
    if (!limits.cpu || !limits.memory) findings.push(`${where}: needs cpu and memory limits`);
    if (!requests.cpu || !requests.memory) findings.push(`${where}: needs cpu and memory requests`);
    const security = container.securityContext ?? {};
    if (security.readOnlyRootFilesystem !== true) findings.push(`${where}: needs readOnlyRootFilesystem: true`);
    if (security.allowPrivilegeEscalation !== false) findings.push(`${where}: needs allowPrivilegeEscalation: false`);
    if (!(security.capabilities?.drop ?? []).includes("ALL")) findings.push(`${where}: must drop ALL capabilities`);
    if ((security.capabilities?.add ?? []).some((c) => c !== "NET_BIND_SERVICE")) findings.push(`${where}: must add no capabilities`);
    if (security.runAsUser === 0 || security.privileged === true) findings.push(`${where}: must not run as root or privileged`);
    // a Job's container runs to completion: probes do not apply to it or to init containers
    if (!isInit && kind !== "Job" && kind !== "CronJob") {
      if (!container.readinessProbe) findings.push(`${where}: needs a readiness probe`);
      if (!container.livenessProbe) findings.push(`${where}: needs a liveness probe`);
    }
  }
  return findings;
}

/** Secrets holding a private key (annotated brigades/private-key-of in secrets.template.yaml). */
export function privateKeySecretsIn(objects) {
  const secrets = new Map();
  for (const object of objects) {
    const owner = object.kind === "Secret" ? object.metadata?.annotations?.["brigades/private-key-of"] : undefined;
    if (owner) secrets.set(object.metadata.name, owner);
  }
  return secrets;
}

/** A private key only in the one workload it belongs to: every other pod gets the public part. */
function checkPrivateKeys(pod, object, name, privateKeySecrets) {
  const findings = [];
  const workload = object.metadata?.name;
  const referenced = new Set();
  for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    for (const env of container.env ?? []) if (env.valueFrom?.secretKeyRef) referenced.add(env.valueFrom.secretKeyRef.name);
    for (const from of container.envFrom ?? []) if (from.secretRef) referenced.add(from.secretRef.name);
  }
  for (const volume of pod.volumes ?? []) {
    if (volume.secret) referenced.add(volume.secret.secretName);
    for (const source of volume.projected?.sources ?? []) if (source.secret) referenced.add(source.secret.name);
  }
  for (const secret of referenced) {
    const owner = privateKeySecrets.get(secret);
    if (owner && owner !== workload) findings.push(`${name}: reads the private key in Secret ${secret}, which only ${owner} may hold`);
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Whole-rendering checks

const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

/** An autoscaled Deployment sets no replicas (the HPA owns the count) and has a disruption budget. */
function checkAutoscaled(source, objects) {
  const findings = [];
  for (const hpa of objects.filter((o) => o.kind === "HorizontalPodAutoscaler")) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const target = objects.find((o) => o.kind === ref.kind && o.metadata?.name === ref.name);
    if (!target) {
      findings.push(`${source}: HorizontalPodAutoscaler/${hpa.metadata.name}: scales ${ref.kind}/${ref.name}, which is not here`);
      continue;
    }
    const name = `${source}: ${target.kind}/${target.metadata.name}`;
    if (target.spec?.replicas !== undefined) findings.push(`${name}: sets replicas, but HorizontalPodAutoscaler/${hpa.metadata.name} owns the count`);
    const labels = target.spec?.template?.metadata?.labels;
    if (!objects.some((o) => o.kind === "PodDisruptionBudget" && matches(o.spec?.selector?.matchLabels, labels))) {
      findings.push(`${name}: autoscaled but has no PodDisruptionBudget`);
    }
  }
  return findings;
}

/** Every workload is scraped: a PodMonitor for its pods or a ServiceMonitor for its Service. */
function checkMonitored(source, objects) {
  const findings = [];
  const podMonitors = objects.filter((o) => o.kind === "PodMonitor").map((o) => o.spec?.selector?.matchLabels);
  const serviceMonitors = objects.filter((o) => o.kind === "ServiceMonitor").map((o) => o.spec?.selector?.matchLabels);
  const services = objects.filter((o) => o.kind === "Service");
  const scraped = (podLabels, serviceLabels = []) => podMonitors.some((s) => matches(s, podLabels))
    || serviceMonitors.some((s) => serviceLabels.some((labels) => matches(s, labels)));
  for (const o of objects.filter((x) => ["Deployment", "StatefulSet", "DaemonSet"].includes(x.kind))) {
    const podLabels = o.spec?.template?.metadata?.labels ?? {};
    const serviceLabels = services.filter((s) => s.spec?.selector && matches(s.spec.selector, podLabels)).map((s) => s.metadata?.labels ?? {});
    if (!scraped(podLabels, serviceLabels)) findings.push(`${source}: ${o.kind}/${o.metadata.name}: no PodMonitor or ServiceMonitor scrapes it`);
  }
  // what operators make: MongoDBCommunity's Service <name>-svc (label app), Keycloak's pods (label app)
  for (const o of objects.filter((x) => x.kind === "MongoDBCommunity")) {
    const labels = { app: `${o.metadata.name}-svc` };
    if (!o.spec?.prometheus || !scraped(labels, [labels])) findings.push(`${source}: MongoDBCommunity/${o.metadata.name}: no metrics scraped (spec.prometheus and a monitor for app=${labels.app})`);
  }
  for (const o of objects.filter((x) => x.kind === "Keycloak")) {
    if (!scraped({ app: "keycloak" })) findings.push(`${source}: Keycloak/${o.metadata.name}: no PodMonitor for app=keycloak`);
  }
  return findings;
}

/** Routes that reach a backend are served over TLS: they attach to HTTPS listeners only. */
function checkRoutes(source, objects) {
  const findings = [];
  const listeners = new Map();
  for (const gw of objects.filter((o) => o.kind === "Gateway")) {
    for (const l of gw.spec?.listeners ?? []) listeners.set(`${gw.metadata.name}/${l.name}`, l);
  }
  for (const route of objects.filter((o) => o.kind === "HTTPRoute")) {
    const name = `${source}: HTTPRoute/${route.metadata.name}`;
    const hasBackends = (route.spec?.rules ?? []).some((r) => (r.backendRefs ?? []).length > 0);
    for (const parent of route.spec?.parentRefs ?? []) {
      const listener = listeners.get(`${parent.name}/${parent.sectionName}`);
      if (!listener) findings.push(`${name}: attaches to ${parent.name}/${parent.sectionName ?? "(every listener)"}, no such listener`);
      else if (hasBackends && (listener.protocol !== "HTTPS" || !(listener.tls?.certificateRefs ?? []).length)) {
        findings.push(`${name}: sends traffic to a backend from ${listener.name}, which is not HTTPS with a certificate`);
      }
    }
  }
  return findings;
}
