// Evidence on the brigade page (ADR 0012): one gallery per record (housing, milestones, vehicles,
// equipment, checks, drills, inspections) with thumbnails, download links, an upload with progress
// and delete for those who may attach. Files need the bearer token, so thumbnails and opened photos
// are fetched and shown as data: URLs; documents are downloaded. A deletion reloads the page, so the
// history below shows it at once.
import {t, label} from '../i18n.js';
import {call, download, token, ApiError} from '../api.js';
import {h, section, progressBar} from '../ui.js';

/** Who may attach to (and delete from) a kind of record: EvidencePolicy's table, for showing buttons only. */
function mayAttach(me, county, kind) {
  const admin = me.role === 'CITY_ADMIN';
  const clerk = me.role === 'COUNTY_CLERK' && me.county === county;
  if (['EQUIPMENT_CHECK', 'DRILL'].includes(kind)) return admin || me.role === 'FIRE_DEPT';
  if (kind === 'INSPECTION') return admin || clerk || me.role === 'CITY_INSPECTOR';
  return admin || clerk;
}

/** The brigade's records as galleries: [{kind, id, title}] from what the page has loaded already. */
export function evidenceSection(me, brigade, records, reload = () => {}) {
  const base = `/api/v1/brigades/${encodeURIComponent(brigade.id)}/attachments`;
  const body = h('div', {class: 'evidence'}, h('p', {class: 'muted'}, t('loading')));
  call('GET', base).then(({body: list}) => {
    const byRecord = new Map();
    for (const a of list.items) {
      const key = `${a.recordKind}|${a.recordId}`;
      byRecord.set(key, [...(byRecord.get(key) || []), a]);
    }
    body.replaceChildren(...records.map((r) => gallery(me, brigade, base, r, byRecord.get(`${r.kind}|${r.id}`) || [], reload)));
  }).catch((e) => body.replaceChildren(h('p', {class: 'error'}, e instanceof ApiError ? e.message : String(e))));
  return section(t('evidence'), body);
}

function gallery(me, brigade, base, record, attachments, reload) {
  const can = mayAttach(me, brigade.county, record.kind);
  const items = h('div', {class: 'gallery-items'}, attachments.map((a) => tile(a, can, reload)));
  const status = h('div', {class: 'gallery-status'});
  const input = h('input', {type: 'file', accept: 'image/jpeg,image/png,application/pdf,.doc,.docx,.xls,.xlsx',
    onchange: () => {
      const file = input.files[0];
      if (!file) return;
      status.replaceChildren(progressBar(0, file.size, '0%'));
      send(base, record, file, (sent, total) => status.replaceChildren(progressBar(sent, total || file.size,
        `${Math.round((100 * sent) / (total || file.size))}%`)))
        .then((a) => {
          items.append(tile(a, can, reload));
          status.replaceChildren();
        })
        .catch((e) => status.replaceChildren(h('p', {class: 'error', role: 'alert'}, `${t('uploadRefused')}: ${e.message}`)))
        .finally(() => { input.value = ''; });
    }});
  return h('details', {class: 'gallery', 'data-kind': record.kind, 'data-record': record.id, open: attachments.length > 0},
    h('summary', {}, `${label(record.kind)} · ${record.title} (${attachments.length})`),
    items, can ? h('label', {class: 'gallery-upload'}, `${t('attachFile')} `, input) : null, status);
}

function tile(a, can, reload) {
  const photo = Boolean(a.thumbnailUrl);
  const image = h('img', {alt: a.originalName, width: 96, height: 96, loading: 'lazy'});
  if (photo) {
    dataUrl(a.thumbnailUrl).then((url) => image.setAttribute('src', url))
      .catch(() => image.replaceWith(h('span', {class: 'muted'}, a.originalName)));
  }
  const remove = can ? h('button', {type: 'button', class: 'link delete', onclick: () => {
    if (!confirm(t('deleteEvidence'))) return;
    call('DELETE', `/api/v1/attachments/${encodeURIComponent(a.id)}`).then(() => {
      figure.remove();
      reload();
    }).catch((e) => alert(e.message));
  }}, t('delete')) : null;
  const save = h('button', {type: 'button', class: 'link download', title: t('download'),
    onclick: () => download(`${a.contentUrl}?download=true`, a.originalName, () => {})}, a.originalName);
  const figure = h('figure', {class: `gallery-item ${photo ? 'is-photo' : 'is-document'}`, 'data-id': a.id},
    photo ? h('button', {type: 'button', class: 'open-photo', title: t('openPhoto'), onclick: () => openPhoto(a)}, image)
      : h('span', {class: 'doc-icon', 'aria-hidden': 'true'}, '📄'),
    h('figcaption', {}, save, ' ', remove));
  return figure;
}

/** A file of the API (it needs the token) as a data: URL an <img> can show. */
async function dataUrl(path) {
  const blob = await (await call('GET', path, {raw: true})).blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The photo at full size over the page (without its location for those who may not see it: the server decides). */
function openPhoto(a) {
  document.getElementById('photo-viewer')?.remove();
  const close = () => {
    viewer.remove();
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (e) => { if (e.key === 'Escape') close(); };
  const picture = h('img', {alt: a.originalName});
  const viewer = h('div', {id: 'photo-viewer', class: 'photo-viewer', role: 'dialog', 'aria-modal': 'true',
    'aria-label': a.originalName, 'data-id': a.id, onclick: (e) => { if (e.target === viewer) close(); }},
  h('div', {class: 'viewer-bar'}, h('span', {}, a.originalName),
    h('button', {type: 'button', class: 'link close', onclick: close}, t('close'))),
  h('p', {class: 'muted'}, t('loading')));
  document.addEventListener('keydown', onKey);
  document.body.append(viewer);
  dataUrl(a.contentUrl).then((url) => {
    picture.setAttribute('src', url);
    viewer.querySelector('p')?.replaceWith(picture);
  }).catch((e) => viewer.querySelector('p')?.replaceChildren(e.message));
}

/** A multipart upload with progress (XMLHttpRequest: fetch reports none); the fields go before the file. */
function send(base, record, file, onProgress) {
  return new Promise((resolve, reject) => {
    const data = new FormData();
    data.append('recordKind', record.kind);
    data.append('recordId', record.id);
    data.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', base);
    xhr.setRequestHeader('Authorization', `Bearer ${token()}`);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : null);
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (ignored) {
        // not JSON: the status says enough
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, {detail: 'network error'}));
    xhr.send(data);
  });
}

/** The records of the page that take evidence, with a title each. */
export function evidenceRecords(brigade, {milestones, vehicles, equipment, checks, drills, inspections}) {
  const items = (x) => (x && !(x instanceof ApiError) && x.items) || [];
  return [
    {kind: 'HOUSING', id: brigade.id, title: brigade.town},
    ...items(milestones).map((m) => ({kind: 'MILESTONE_SUBMISSION', id: m.id, title: m.name || m.id})),
    ...items(vehicles).map((v) => ({kind: 'VEHICLE', id: v.id, title: v.plate || v.id})),
    ...items(equipment).map((e) => ({kind: 'EQUIPMENT', id: e.id, title: e.itemCode || e.id})),
    ...items(checks).map((c) => ({kind: 'EQUIPMENT_CHECK', id: c.id, title: c.date || c.id})),
    ...items(drills).map((d) => ({kind: 'DRILL', id: d.id, title: d.date || d.id})),
    ...items(inspections).map((i) => ({kind: 'INSPECTION', id: i.id, title: `${i.stage} ${i.result}`})),
  ];
}
