// The offline queue: what a user did without a connection, kept in the browser's IndexedDB (photos as
// Blobs) until it is sent. Each action is stored once, in order (an increasing `seq`), with the
// Idempotency-Key it was given when it was made, so sending it again can never create it twice.
// Raw IndexedDB, wrapped in promises: one database, one object store, nothing else.
const DB = 'brigades-offline';
const STORE = 'actions';
let opening = null;

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE, {keyPath: 'seq', autoIncrement: true});
        store.createIndex('user', 'user');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the offline store is open in an older tab'));
    });
    opening.catch(() => { opening = null; });
  }
  return opening;
}

/** Runs `work(store)` in one transaction; resolves with the value of the request it returns, once committed. */
async function inStore(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    let result;
    if (request) request.onsuccess = () => { result = request.result; };
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('the offline store refused the change'));
  });
}

/** Stores a new action; resolves with it, its `seq` set. */
export async function add(action) {
  const stored = {...action, status: action.status || 'pending', createdAt: action.createdAt || new Date().toISOString()};
  stored.seq = await inStore('readwrite', (store) => store.add(stored));
  changed();
  return stored;
}

/** The user's actions, oldest first. */
export function list(user) {
  return inStore('readonly', (store) => store.index('user').getAll(IDBKeyRange.only(user)))
    .then((items) => (items || []).sort((a, b) => a.seq - b.seq));
}

export async function get(seq) {
  return inStore('readonly', (store) => store.get(seq));
}

/** Replaces an action with its new state (after each step that reached the server). */
export async function save(action) {
  await inStore('readwrite', (store) => store.put(action));
  changed();
  return action;
}

export async function remove(seq) {
  await inStore('readwrite', (store) => store.delete(seq));
  changed();
}

const listeners = new Set();

/** Called whenever the queue changes (in this tab). */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed() {
  for (const listener of listeners) listener();
}
