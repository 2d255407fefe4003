// Evidence on the brigade page (ADR 0012): one gallery per record (housing, milestones, vehicles,
// equipment, checks, drills, inspections) with thumbnails, download links, an upload with progress
// and delete for those who may attach. Files need the bearer token, so thumbnails are fetched and
// shown as data: URLs (the page's CSP allows no blob: images); documents open as downloads.
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
export function evidenceSection(me, brigade, records) {
  const base = `/api/v1/brigades/${encodeURIComponent(brigade.id)}/attachments`;
  const body = h('div', {class: 'evidence'}, h('p', {class: 'muted'}, t('loading')));
  call('GET', base).then(({body: list}) => {
    const byRecord = new Map();
    for (const a of list.items) {
      const key = `${a.recordKind}|${a.recordId}`;
      byRecord.set(key, [...(byRecord.get(key) || []), a]);
    }
    body.replaceChildren(...records.map((r) => gallery(me, brigade, base, r, byRecord.get(`${r.kind}|${r.id}`) || [])));
  }).catch((e) => body.replaceChildren(h('p', {class: 'error'}, e instanceof ApiError ? e.message : String(e))));
  return section(t('evidence'), body);
}

function gallery(me, brigade, base, record, attachments) {
  const can = mayAttach(me, brigade.county, record.kind);
  const items = h('div', {class: 'gallery-items'}, attachments.map((a) => tile(a, can)));
  const status = h('div', {class: 'gallery-status'});
  const input = h('input', {type: 'file', accept: 'image/jpeg,image/png,application/pdf,.doc,.docx,.xls,.xlsx',
    onchange: () => {
      const file = input.files[0];
      if (!file) return;
      status.replaceChildren(progressBar(0, file.size, '0%'));
      send(base, record, file, (sent, total) => status.replaceChildren(progressBar(sent, total || file.size,
        `${Math.round((100 * sent) / (total || file.size))}%`)))
        .then((a) => {
          items.append(tile(a, can));
          status.replaceChildren();
        })
        .catch((e) => status.replaceChildren(h('p', {class: 'error', role: 'alert'}, `${t('uploadRefused')}: ${e.message}`)))
        .finally(() => { input.value = ''; });
    }});
  return h('details', {class: 'gallery', 'data-kind': record.kind, 'data-record': record.id, open: attachments.length > 0},
    h('summary', {}, `${label(record.kind)} · ${record.title} (${attachments.length})`),
    items, can ? h('label', {class: 'gallery-upload'}, `${t('attachFile')} `, input) : null, status);
}

function tile(a, can) {
  const image = h('img', {alt: a.originalName, width: 96, height: 96, loading: 'lazy'});
  if (a.thumbnailUrl) {
    call('GET', a.thumbnailUrl, {raw: true}).then((r) => r.blob()).then((blob) => {
      const reader = new FileReader();
      reader.onload = () => image.setAttribute('src', reader.result);
      reader.readAsDataURL(blob);
    }).catch(() => image.replaceWith(h('span', {class: 'muted'}, a.originalName)));
  }
  const remove = can ? h('button', {type: 'button', class: 'link', onclick: () => {
    if (!confirm(t('deleteEvidence'))) return;
    call('DELETE', `/api/v1/attachments/${encodeURIComponent(a.id)}`).then(() => figure.remove())
      .catch((e) => alert(e.message));
  }}, t('delete')) : null;
  const figure = h('figure', {class: 'gallery-item', 'data-id': a.id},
    a.thumbnailUrl ? image : h('span', {class: 'doc-icon'}, '📄'),
    h('figcaption', {}, h('button', {type: 'button', class: 'link',
      onclick: () => download(`${a.contentUrl}?download=true`, a.originalName, () => {})}, a.originalName), ' ', remove));
  return figure;
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
