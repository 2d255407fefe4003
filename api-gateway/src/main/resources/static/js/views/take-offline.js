// "Take brigades offline" (issue 22): before driving to where there is no signal, a user saves the
// brigades they will visit. A county clerk saves the county's (every brigade the overview lists); a
// city user the ones the overview's filters show, at most MAX_BRIGADES at a time (a bound on what a
// phone stores and on the load one click puts on the services). Each brigade is read exactly as its
// page reads it (loadBrigade) plus its gallery's list, through the service worker, which stores every
// answer before handing it over; afterwards the page opens without a connection, even if it was never
// opened on this device. When it was last done, and how many, is kept per user on this device.
import {t} from '../i18n.js';
import {get, inBatches, ApiError} from '../api.js';
import {h} from '../ui.js';
import {dateTime} from '../calendar.js';
import {loadBrigade} from './brigade.js';

export const MAX_BRIGADES = 50;
const SAVED = 'brigades.offlineSaved.';

function lastSaved(user) {
  try {
    return JSON.parse(localStorage.getItem(SAVED + user));
  } catch (ignored) {
    return null; // nothing readable stored: as if never saved
  }
}

/** Reads one brigade as its page does, and its gallery's list; rejects when the brigade itself could not be read. */
async function saveOne(id) {
  const {storedAt} = await loadBrigade(id);
  if (storedAt) throw new ApiError(503, {detail: t('takeOfflineNeedsSignal')}); // the stored copy answered: no signal
  await get(`/api/v1/brigades/${encodeURIComponent(id)}/attachments`).catch(() => null);
}

/**
 * The button and its status line. `brigadesToSave()` gives the ids to save at the moment of the
 * click (the county's for a clerk, the filtered list for a city user).
 */
export function takeOfflineBar(me, brigadesToSave) {
  const user = me.username;
  const status = h('span', {id: 'take-offline-status', class: 'muted', 'aria-live': 'polite'});
  const show = (state, ...parts) => {
    status.dataset.state = state;
    status.replaceChildren(...parts);
  };
  const showLast = () => {
    const last = lastSaved(user);
    if (last) show('done', `${t('takeOfflineDone')} ${last.count} ${t('brigades')} · ${t('takeOfflineAt')} ${dateTime(last.at)}`);
    else show('never', t('takeOfflineNever'));
  };
  const button = h('button', {type: 'button', id: 'take-offline',
    title: me.role === 'COUNTY_CLERK' ? t('takeOfflineCounty') : t('takeOfflineShown')}, t('takeOffline'));
  button.addEventListener('click', async () => {
    const ids = brigadesToSave();
    if (ids.length > MAX_BRIGADES) {
      show('too-many', `${t('takeOfflineTooMany')} ${ids.length}`);
      return;
    }
    if (!navigator.onLine) {
      show('offline', t('takeOfflineNeedsSignal'));
      return;
    }
    button.disabled = true;
    const bar = h('progress', {value: 0, max: ids.length || 1});
    const count = h('span', {class: 'count'}, `0/${ids.length}`);
    show('saving', `${t('takeOfflineSaving')} `, bar, ' ', count);
    let done = 0;
    const failed = [];
    await inBatches(ids, 3, async (id) => {
      try {
        await saveOne(id);
      } catch (e) {
        failed.push(`${id} (${e.message})`);
      }
      done += 1;
      bar.value = done;
      count.textContent = `${done}/${ids.length}`;
    });
    button.disabled = false;
    const saved = ids.length - failed.length;
    if (saved > 0) localStorage.setItem(SAVED + user, JSON.stringify({at: new Date().toISOString(), count: saved}));
    if (failed.length) show('failed', `${t('takeOfflineFailed')}：${failed.join('，')}`);
    else showLast();
  });
  showLast();
  return h('div', {class: 'take-offline'}, button, status);
}
