// The REST API as the dashboard uses it: the session's token, problem+json errors as ApiError,
// ETags for If-Match, and a 401 (an expired token) sending the user to log in again.
const TOKEN = 'brigades.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.fieldErrors = this.problem.errors || [];
  }
}

let onExpired = () => {};

export function whenSessionExpires(handler) {
  onExpired = handler;
}

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

// The service worker's copies of API reads (sw.js): one user's data, so dropped at an explicit logout
// and when another user signs in on this browser (not when a session merely expires: the copies are
// what an inspector works from on site).
const API_CACHE = 'brigades-api';
const LAST_USER = 'brigades.lastUser';

export async function forgetOfflineCopies() {
  // and the notes of when brigades were taken offline (views/take-offline.js), which named these copies
  Object.keys(localStorage).filter((k) => k.startsWith('brigades.offlineSaved.')).forEach((k) => localStorage.removeItem(k));
  if ('caches' in window) await caches.delete(API_CACHE);
}

export async function signIn(username, password) {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({username, password}),
  });
  const body = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, body);
  if (localStorage.getItem(LAST_USER) !== username) await forgetOfflineCopies();
  localStorage.setItem(LAST_USER, username);
  sessionStorage.setItem(TOKEN, body.access_token);
}

/** A failed fetch that never reached the server (no connection): what the offline queue keeps. */
export function isNetworkFailure(e) {
  return e instanceof TypeError;
}

/**
 * One request of the offline queue, as it is: resolves to the Response whatever its status (the
 * queue decides), rejects only when the network failed. A 401 ends the session like any call.
 */
export async function send(method, path, {json, body, contentType, idempotencyKey, ifMatch} = {}) {
  const headers = {Authorization: `Bearer ${token()}`, 'Accept-Language': document.documentElement.lang};
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (contentType) headers['Content-Type'] = contentType;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (ifMatch) headers['If-Match'] = ifMatch;
  const response = await fetch(path, {method, headers, body: json !== undefined ? JSON.stringify(json) : body});
  if (response.status === 401) {
    signOut();
    onExpired();
  }
  return response;
}

export {readBody};

async function readBody(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) return response.json();
  return null;
}

/** A call with the session's token; resolves to {body, etag}; rejects with ApiError. */
export async function call(method, path, {body, ifMatch, raw} = {}) {
  const headers = {Authorization: `Bearer ${token()}`, 'Accept-Language': document.documentElement.lang};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  if (response.status === 401 && path !== '/api/v1/auth/token') {
    signOut();
    onExpired();
    throw new ApiError(401, await readBody(response));
  }
  if (!response.ok) throw new ApiError(response.status, await readBody(response));
  if (raw) return response;
  return {body: response.status === 204 ? null : await readBody(response), etag: response.headers.get('ETag'),
    // set when the service worker answered from its stored copy (no connection)
    storedAt: response.headers.get('X-Offline-Stored')};
}

export const get = (path) => call('GET', path).then((r) => r.body);
export const getWithTag = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, {body}).then((r) => r.body);
export const put = (path, body) => call('PUT', path, {body}).then((r) => r.body);
export const patch = (path, body, ifMatch) => call('PATCH', path, {body, ifMatch});
export const remove = (path) => call('DELETE', path).then((r) => r.body);

/** Runs tasks with at most `limit` at a time (the overview asks for every brigade's milestones). */
export async function inBatches(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index]);
      } catch (e) {
        results[index] = e;
      }
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
  return results;
}

/**
 * Downloads a file with progress: `onProgress(bytes, total|null)` while it arrives; the browser
 * then saves it under the name the gateway gives.
 */
export async function download(path, fallbackName, onProgress) {
  const response = await call('GET', path, {raw: true});
  const total = Number(response.headers.get('Content-Length')) || null;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const blob = new Blob(chunks, {type: response.headers.get('Content-Type') || 'application/octet-stream'});
  const disposition = response.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return {name, bytes: received};
}

/** Uploads a file with progress through XMLHttpRequest (fetch reports no upload progress). */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Authorization', `Bearer ${token()}`);
    const csv = file.name.toLowerCase().endsWith('.csv');
    xhr.setRequestHeader('Content-Type', csv ? 'text/csv; charset=utf-8'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : null);
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (ignored) {
        // not JSON: the status says enough
      }
      if (xhr.status === 401) {
        signOut();
        onExpired();
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, {detail: 'network error'}));
    xhr.send(file);
  });
}
