// Sends the offline queue (queue.js) when there is a connection: on `online`, at start, every minute
// while something waits, and right away for what a form sends while online. Actions go in the order
// they were made; for each, the record first (a POST with its Idempotency-Key, or a PATCH with the
// If-Match version the user saw), then its photos, each with its own Idempotency-Key, attached to the
// record the server created. Every step that the server answered is written back to the queue before
// the next, so a sync cut off at any point (or run twice) sends only what is missing, and a resent
// step is answered by the gateway with its first answer instead of creating anything again.
//
// What the server refuses stays in the queue for the user: a 412 (the record changed meanwhile)
// becomes a conflict holding both versions; a 400/403/404/409/413/415/422 keeps the problem's reason
// (on the record, or on the one photo refused). No answer at all (offline, 5xx, 429) leaves it pending.
import * as queue from './queue.js';
import {send, readBody, isNetworkFailure, ApiError} from '../api.js';
import {attachmentBody} from './photos.js';

let user = null;
let chain = Promise.resolve();
let progress = {active: false, done: 0, total: 0};
const listeners = new Set();

/** The signed-in user: only that user's actions are sent (Idempotency-Keys are per user). */
export function setUser(name) {
  user = name;
  notify();
}

export function currentUser() {
  return user;
}

/** Called with {active, done, total} while a sync runs, and when the queue changes. */
export function onProgress(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getProgress() {
  return progress;
}

function notify() {
  for (const listener of listeners) listener(progress);
}
queue.onChange(notify);

/** One sender at a time (a background sync and a form never send the same action twice at once). */
function exclusive(work) {
  const run = chain.then(work, work);
  chain = run.catch(() => {});
  return run;
}

const pendingSteps = (action) => (action.recordId ? 0 : 1)
  + action.photos.filter((p) => !p.attachmentId && !p.problem).length;

/** Sends every pending action of the user, in order; resolves when done (or stopped by the network). */
export function sync() {
  return exclusive(async () => {
    if (!user || !navigator.onLine) return;
    const waiting = (await queue.list(user)).filter((a) => a.status === 'pending');
    if (!waiting.length) return;
    progress = {active: true, done: 0, total: waiting.reduce((sum, a) => sum + pendingSteps(a), 0)};
    notify();
    try {
      for (const action of waiting) {
        const outcome = await sendAction(action.seq, () => { progress.done += 1; notify(); });
        // no connection, or the session ended (the page asks to sign in; signing in starts the sync
        // again): the rest waits, untouched, with its keys
        if (outcome.kind === 'stopped' || outcome.kind === 'expired') break;
      }
    } finally {
      progress = {active: false, done: 0, total: 0};
      notify();
    }
  });
}

/**
 * What a form does: store the action, then (online) send it now. Resolves to the outcome:
 * {kind: 'sent', record}, {kind: 'queued'} (no connection: kept), {kind: 'conflict'}, or
 * {kind: 'refused', photos} (the record is stored, a photo was refused and waits in the queue).
 * A refused record rejects with its ApiError and leaves nothing in the queue, as a form's error.
 */
export async function submit(action) {
  const stored = await queue.add({...action, user});
  if (!navigator.onLine) return {kind: 'queued'};
  const outcome = await exclusive(() => sendAction(stored.seq, () => {}));
  if ((outcome.kind === 'refused' && outcome.step === 'record') || outcome.kind === 'expired') {
    await queue.remove(stored.seq);
    throw outcome.error;
  }
  return outcome.kind === 'stopped' ? {kind: 'queued'} : outcome;
}

/** Stores an action to be sent later (a write that just failed for want of a connection). */
export function enqueue(action) {
  return queue.add({...action, user});
}

/** A new Idempotency-Key (crypto.randomUUID needs a secure context: https, or this machine). */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends what is missing of one action; `step()` after each step the server accepted. */
async function sendAction(seq, step) {
  const action = await queue.get(seq);
  if (!action || action.status !== 'pending') return {kind: 'gone'};
  if (!action.recordId) {
    let response;
    try {
      response = await send(action.method, action.path, {json: action.body,
        idempotencyKey: action.method === 'POST' ? action.key : undefined, ifMatch: action.ifMatch});
    } catch (e) {
      if (isNetworkFailure(e)) return {kind: 'stopped'};
      throw e;
    }
    const body = await readBody(response);
    if (!response.ok) return refuse(action, response, body);
    action.recordId = action.recordIdFrom === 'brigade' ? action.brigadeId : body?.id;
    action.record = body;
    action.problem = null;
    await queue.save(action);
    step();
  }
  for (const photo of action.photos) {
    if (photo.attachmentId || photo.problem) continue;
    const {body, contentType} = attachmentBody(photo, action.recordKind, action.recordId);
    let response;
    try {
      response = await send('POST', `/api/v1/brigades/${encodeURIComponent(action.brigadeId)}/attachments`,
        {body, contentType, idempotencyKey: photo.key});
    } catch (e) {
      if (isNetworkFailure(e)) return {kind: 'stopped'};
      throw e;
    }
    const answer = await readBody(response);
    if (response.ok) {
      photo.attachmentId = answer?.id;
      photo.sha256 = answer?.sha256;
      photo.sniffedType = answer?.contentType;
      await queue.save(action);
      step();
    } else if (retryLater(response.status)) {
      return {kind: response.status === 401 ? 'expired' : 'stopped', error: new ApiError(response.status, answer)};
    } else {
      photo.problem = answer || {status: response.status};
      await queue.save(action);
    }
  }
  const refused = action.photos.filter((p) => p.problem);
  if (refused.length) {
    action.status = 'refused';
    await queue.save(action);
    return {kind: 'refused', step: 'photos', photos: refused, record: action.record};
  }
  await queue.remove(action.seq);
  return {kind: 'sent', record: action.record};
}

/** No answer worth keeping: the session ended, the server is busy or down. */
function retryLater(status) {
  return status === 401 || status === 429 || status >= 500;
}

async function refuse(action, response, body) {
  const error = new ApiError(response.status, body);
  if (retryLater(response.status)) return {kind: response.status === 401 ? 'expired' : 'stopped', error};
  if (response.status === 412 && action.conflictPath) {
    // both versions for the user to choose from: theirs is read now, with its version
    const current = await send('GET', action.conflictPath).catch(() => null);
    if (current?.ok) {
      action.status = 'conflict';
      action.theirs = await readBody(current);
      action.theirsVersion = current.headers.get('ETag');
      await queue.save(action);
      return {kind: 'conflict', error};
    }
    return {kind: 'stopped', error};
  }
  action.status = 'refused';
  action.problem = body || {status: response.status};
  await queue.save(action);
  return {kind: 'refused', step: 'record', error};
}

/** The user's choice on a conflict: send theirs-version with my values, or drop mine. */
export async function keepMine(seq) {
  const action = await queue.get(seq);
  Object.assign(action, {ifMatch: action.theirsVersion, status: 'pending', theirs: null, theirsVersion: null});
  await queue.save(action);
  return sync();
}

export async function takeTheirs(seq) {
  await queue.remove(seq);
}

/** After the user removed or replaced what was refused: send it again. */
export async function retry(seq) {
  const action = await queue.get(seq);
  action.status = 'pending';
  action.problem = null;
  for (const photo of action.photos) photo.problem = null;
  await queue.save(action);
  return sync();
}

/** Drops one refused photo (the record and the other photos stay) and sends what is left. */
export async function discardPhoto(seq, photoKey) {
  const action = await queue.get(seq);
  action.photos = action.photos.filter((p) => p.key !== photoKey);
  action.status = 'pending';
  await queue.save(action);
  return sync();
}

export function discard(seq) {
  return queue.remove(seq);
}

/** Starts the background sending: now, whenever the browser comes online, and each minute while something waits. */
export function start() {
  window.addEventListener('online', () => sync());
  window.addEventListener('offline', notify);
  setInterval(() => { if (navigator.onLine) sync(); }, 60_000);
}
