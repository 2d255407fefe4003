// What waits in the offline queue: each action with its photos and where it stands, the reason the
// server gave for what it refused, and a conflict shown with both versions side by side for the
// user to choose from (nothing is overwritten without that choice).
import {t, label, problemMessage} from '../i18n.js';
import {h, badge, table} from '../ui.js';
import {dateTime} from '../calendar.js';
import * as queue from '../offline/queue.js';
import * as offline from '../offline/sync.js';
import {sizeText} from '../offline/photos.js';

const HOUSING_FIELDS = [['floorAreaM2', 'floorArea'], ['siteAreaM2', 'siteArea'], ['garageBays', 'garageBays'], ['rooms', 'rooms']];

export async function queuePage(me, rerender) {
  const actions = await queue.list(me.username);
  const act = (work) => async () => {
    await work();
    rerender();
  };
  return h('div', {id: 'queue-page'},
    h('h1', {}, t('queueTitle')),
    actions.length ? h('p', {}, h('button', {type: 'button', id: 'send-now', onclick: act(() => offline.sync())}, t('sendNow')))
      : h('p', {class: 'muted', id: 'queue-empty'}, t('queueEmpty')),
    actions.map((a) => actionCard(a, act)));
}

function actionCard(a, act) {
  const kind = a.status === 'pending' ? 'muted' : 'bad';
  return h('section', {class: 'card queued', 'data-seq': a.seq, 'data-kind': a.kind, 'data-status': a.status},
    h('h2', {}, `${t(`kind_${a.kind}`)} · ${a.countyName || ''} ${a.town || a.brigadeId}`, badge(t(`status_${a.status}`), kind)),
    h('p', {class: 'muted'}, dateTime(a.createdAt), a.recordId ? ` · ${t('recordSent')}` : ''),
    summary(a),
    a.problem ? h('p', {class: 'error problem', role: 'alert'}, `${t('recordRefused')}：${reason(a.problem)}`) : null,
    a.photos.length ? h('ul', {class: 'photo-list'}, a.photos.map((p) => photoRow(a, p, act))) : null,
    a.status === 'conflict' ? conflictView(a, act) : null,
    h('p', {class: 'actions'},
      a.status === 'refused' ? h('button', {type: 'button', class: 'retry', onclick: act(() => offline.retry(a.seq))}, t('retry')) : null,
      a.status !== 'conflict' ? h('button', {type: 'button', class: 'link discard', onclick: act(() => offline.discard(a.seq))}, t('discard')) : null));
}

function reason(problem) {
  return problemMessage(problem.detail || problem.title || `HTTP ${problem.status}`);
}

function summary(a) {
  const b = a.body || {};
  if (a.kind === 'inspection') {
    return h('p', {class: 'summary'}, [label(b.stage), label(b.result), b.notes, b.overrideReason].filter(Boolean).join(' · '));
  }
  if (a.kind === 'equipmentCheck') {
    const notPresent = (b.findings || []).filter((f) => f.finding !== 'PRESENT').length;
    return h('p', {class: 'summary'}, [b.date, `${t('finding')}：${notPresent ? `${notPresent} ✗` : label('PRESENT')}`, b.notes].filter(Boolean).join(' · '));
  }
  return null;
}

function photoRow(a, p, act) {
  const state = p.attachmentId ? 'sent' : p.problem ? 'refused' : 'waiting';
  const url = URL.createObjectURL(p.blob);
  return h('li', {class: 'photo', 'data-photo-state': state},
    h('img', {src: url, alt: p.name, onload: () => URL.revokeObjectURL(url), onerror: () => URL.revokeObjectURL(url)}),
    h('span', {class: 'photo-name'}, `${p.name} · ${sizeText(p.size ?? p.blob.size)} · `,
      state === 'sent' ? t('photoSent') : state === 'waiting' ? t('photoWaiting') : t('photoRefused')),
    p.problem ? h('span', {class: 'error photo-problem', role: 'alert'}, reason(p.problem)) : null,
    p.problem ? h('button', {type: 'button', class: 'link remove-photo', onclick: act(() => offline.discardPhoto(a.seq, p.key))},
      t('removePhoto')) : null);
}

/** Mine and theirs, field by field (those that differ marked), and the two choices. */
function conflictView(a, act) {
  const mine = a.body || {};
  const theirs = a.theirs || {};
  const blank = (value) => (value === '' || value == null ? null : value);
  const show = (value) => (Array.isArray(value) ? value.map(label).join('、') || '—' : blank(value) ?? '—');
  const rows = HOUSING_FIELDS.map(([field, word]) => [field, t(word), mine.housing?.[field], theirs.housing?.[field]])
    .filter(([field]) => mine.housing && field in mine.housing);
  if (mine.notes !== undefined) rows.push(['notes', t('notes'), mine.notes, theirs.notes]);
  const view = table([t('field'), t('mine'), t('theirs')], rows.map(([, word, m, th]) => [word, show(m), show(th)]),
    {className: 'conflict-table'});
  rows.forEach(([field, , m, th], index) => {
    const tr = view.querySelectorAll('tbody tr')[index];
    tr.dataset.field = field;
    if (JSON.stringify(blank(m)) !== JSON.stringify(blank(th))) tr.classList.add('differs');
  });
  return h('div', {class: 'conflict', role: 'alert'},
    h('p', {}, t('conflictTitle')),
    view,
    h('p', {class: 'actions'},
      h('button', {type: 'button', class: 'keep-mine', onclick: act(() => offline.keepMine(a.seq))}, t('keepMine')),
      h('button', {type: 'button', class: 'take-theirs', onclick: act(() => offline.takeTheirs(a.seq))}, t('takeTheirs'))));
}
