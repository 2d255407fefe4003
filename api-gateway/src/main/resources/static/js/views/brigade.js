// One brigade: housing, vehicles, equipment, staff, funding, compliance checks with their sources,
// milestones against the plan's dates, acceptance inspections and the history of changes. Forms
// appear for the roles that may use them; the services still decide.
import {t, label, bilingual, partnerLabel} from '../i18n.js';
import {get, getWithTag, patch, post, put, remove, ApiError, isNetworkFailure} from '../api.js';
import {h, table, badge, section, form, options} from '../ui.js';
import * as offline from '../offline/sync.js';
import * as queue from '../offline/queue.js';
import {planYear} from './overview.js';
import {today, dateTime} from '../calendar.js';
import {evidenceSection, evidenceRecords} from './gallery.js';

const ROOMS = ['COMMS_DUTY_ROOM', 'STANDBY_ROOM', 'EQUIPMENT_STORE', 'DORMITORY', 'CANTEEN', 'TRAINING_ROOM', 'OFFICE',
  'BATHROOM', 'LAUNDRY_DRYING_ROOM', 'FITNESS_ROOM', 'FIRE_SAFETY_OFFICE', 'EDUCATION_ROOM'];
const FINDINGS = ['PRESENT', 'DEFECTIVE', 'EXPIRED', 'MISSING'];

function may(me, brigade) {
  const admin = me.role === 'CITY_ADMIN';
  const ownClerk = me.role === 'COUNTY_CLERK' && me.county === brigade.county;
  return {
    edit: admin || ownClerk,
    check: admin || me.role === 'FIRE_DEPT',
    decide: admin || me.role === 'CITY_INSPECTOR',
    inspectCounty: admin || ownClerk,
    inspectCity: admin || me.role === 'CITY_INSPECTOR',
  };
}

const optional = (promise) => promise.catch((e) => (e instanceof ApiError && e.status !== 401 ? e : Promise.reject(e)));

/**
 * Everything a brigade's page reads (a failed optional read is its ApiError), the same requests in
 * the same form each time: "take brigades offline" (views/take-offline.js) calls it too, so that the
 * service worker holds exactly what the page asks for when there is no connection.
 */
export async function loadBrigade(id) {
  const base = `/api/v1/brigades/${encodeURIComponent(id)}`;
  const {body: brigade, etag, storedAt} = await getWithTag(base);
  const [milestones, vehicles, equipment, checks, drills, roster, funding, catalog, audit] = await Promise.all([
    optional(get(`${base}/milestones`)), optional(get(`${base}/vehicles`)), optional(get(`${base}/equipment`)),
    optional(get(`${base}/equipment-checks`)), optional(get(`${base}/drills`)), optional(get(`${base}/firefighters`)),
    optional(get(`${base}/funding`)), optional(get('/api/v1/standards')), optional(get(`/api/v1/audit?brigade=${encodeURIComponent(id)}&pageSize=50`))]);
  const year = planYear([milestones.items || []]);
  const [compliance, inspections] = await Promise.all([optional(get(`${base}/compliance?year=${year}`)),
    optional(get(`/api/v1/acceptance/${year}/brigades/${encodeURIComponent(id)}/inspections`))]);
  return {base, brigade, etag, storedAt, milestones, vehicles, equipment, checks, drills, roster, funding, catalog, audit,
    year, compliance, inspections};
}

export async function brigadePage(me, id, reload) {
  const {base, brigade, etag, storedAt, milestones, vehicles, equipment, checks, drills, roster, funding, catalog, audit,
    year, compliance, inspections} = await loadBrigade(id);
  const queued = offline.currentUser()
    ? (await queue.list(offline.currentUser())).filter((a) => a.brigadeId === id) : [];
  const can = may(me, brigade);
  const after = (promise) => promise.then(reload);
  const place = {brigadeId: id, town: brigade.town, countyName: brigade.countyName};

  return h('div', {class: 'brigade', 'data-id': brigade.id},
    h('a', {href: '#/', class: 'back'}, `← ${t('backToOverview')}`),
    h('h1', {}, `${brigade.countyName} · ${brigade.town}`,
      compliance instanceof ApiError ? null : compliance.rulesApply
        ? badge(compliance.compliant ? t('compliant') : t('notCompliant'), `${compliance.compliant ? 'good' : 'bad'} compliance`)
        : badge(t('noRules'), 'muted')),
    h('p', {class: 'facts'}, `${label(brigade.level)} · ${label(brigade.constructionMode)}`,
      brigade.partner ? h('span', {class: 'partner', 'data-mode': brigade.constructionMode},
        ` · ${partnerLabel(brigade.constructionMode)}：${bilingual(brigade.partner)}`) : '',
      brigade.situation ? h('span', {class: 'situation'}, ` · ${bilingual(brigade.situation)}`) : ''),
    storedAt ? h('p', {class: 'offline-note', id: 'offline-copy'}, `${t('offlineCopy')} ${dateTime(storedAt)}`) : null,
    queued.length ? h('p', {class: 'offline-note', id: 'queued-here'},
      h('a', {href: '#/queue'}, `${t('queuedHere')}：${queued.length}`)) : null,
    h('div', {class: 'grid2'},
      housingSection(brigade, etag, can, base, reload, place),
      milestoneSection(milestones, can, base, after)),
    checksSection(compliance),
    h('div', {class: 'grid2'},
      vehicleSection(vehicles, catalog, can, base, after),
      staffSection(roster, can, base, after)),
    equipmentSection(equipment, checks, catalog, can, base, after, place),
    h('div', {class: 'grid2'},
      drillSection(drills, can, base, after),
      fundingSection(funding, can, base, after, year, brigade.fundingPayer)),
    inspectionSection(inspections, can, year, place, after),
    evidenceSection(me, brigade, evidenceRecords(brigade, {milestones, vehicles, equipment, checks, drills, inspections}), reload),
    auditSection(audit));
}

function failed(e) {
  return h('p', {class: 'error'}, e.status === 403 ? t('notAllowed') : `${t('unavailable')}: ${e.message}`);
}

function housingSection(brigade, etag, can, base, reload, place) {
  const housing = brigade.housing || {};
  const facts = table([t('floorArea'), t('siteArea'), t('garageBays')],
    [[housing.floorAreaM2 ?? '—', housing.siteAreaM2 ?? '—', housing.garageBays ?? '—']]);
  const rooms = h('p', {class: 'rooms'}, `${t('rooms')}：`, (housing.rooms || []).map(label).join('、') || '—');
  if (!can.edit) return section(t('housing'), facts, rooms);
  return section(t('housing'), facts, rooms, h('details', {class: 'edit', open: true}, h('summary', {}, t('edit')),
    form({
      id: 'housing-form',
      fields: [
        {name: 'floorAreaM2', label: t('floorArea'), type: 'number', step: 'any', value: housing.floorAreaM2},
        {name: 'siteAreaM2', label: t('siteArea'), type: 'number', step: 'any', value: housing.siteAreaM2},
        {name: 'garageBays', label: t('garageBays'), type: 'number', value: housing.garageBays},
        {name: 'rooms', label: t('rooms'), type: 'checkboxes', options: options(ROOMS), value: housing.rooms},
        {name: 'notes', label: t('notes'), type: 'textarea', value: brigade.notes},
      ],
      submit: async (v) => {
        const {notes, ...changed} = v;
        const body = {housing: changed, notes: notes ?? undefined};
        try {
          await patch(base, body, etag);
        } catch (e) {
          if (!isNetworkFailure(e)) throw e;
          // no connection: kept with the version seen here; a change meanwhile becomes a conflict to settle
          await offline.enqueue({kind: 'housing', ...place, method: 'PATCH', path: base, body,
            ifMatch: etag, conflictPath: base, recordIdFrom: 'brigade', photos: []});
          return {message: t('queuedOffline'), state: 'queued'};
        }
        reload();
      },
      onConflict: reload,
    })));
}

function checksSection(compliance) {
  if (compliance instanceof ApiError) return section(t('checks'), failed(compliance));
  return section(t('checks'),
    h('p', {class: 'muted'}, `${t('standard')}：${(compliance.standards || [compliance.standard]).join('，')}`,
      compliance.tier ? ` · ${label(compliance.tier)}` : ''),
    table([t('rule'), t('required'), t('actual'), t('met'), t('sourceStatus'), t('sourceCol')], (compliance.checks || []).map((c) => [
      h('span', {title: c.rule}, `${label(c.area)} · ${c.rule}`), c.required, c.actual,
      h('span', {class: `badge ${c.met ? 'good' : c.severity === 'REQUIRED' ? 'bad' : 'warn'}`, 'data-rule': c.rule, 'data-met': String(c.met)},
        c.met ? '✓' : c.severity === 'REQUIRED' ? '✗' : '!'),
      sourceStatus(c),
      h('small', {class: 'source'}, c.source)]), {empty: t('noRules')}));
}

/** How sure the rule is of its source, its effective severity, and why the city promoted it if it did. */
function sourceStatus(c) {
  return h('span', {class: 'source-status', 'data-status': c.sourceStatus || '', title: c.promotionReason || ''},
    `${label(c.sourceStatus)} · ${label(c.severity)}`,
    c.promotionReason ? h('small', {class: 'promotion'}, ` (${t('promoted')}：${c.promotionReason})`) : null);
}

/** A due date the plan does not state: marked, with the plan's own words on hover or tap. */
export function derivedMark(m) {
  if (!m.derived) return null;
  const words = `${t('derivedHint')}：${bilingual(m.planWording || '')}`;
  return h('abbr', {class: 'derived', title: words, tabindex: 0, 'aria-label': words}, t('derived'));
}

function milestoneSection(milestones, can, base, after) {
  if (milestones instanceof ApiError) return section(t('milestones'), failed(milestones));
  const day = today();
  const items = milestones.items.map((m) => {
    const forms = [];
    if (can.edit && (m.status === 'PENDING' || m.status === 'REJECTED')) {
      forms.push(form({id: `submit-${m.id}`, submitLabel: t('submit'),
        fields: [{name: 'evidence', label: t('evidence'), type: 'textarea'}],
        submit: (v) => after(post(`${base}/milestones/${m.id}/submission`, {evidence: v.evidence}))}));
    }
    if (can.decide && m.status === 'SUBMITTED') {
      forms.push(form({id: `decide-${m.id}`, submitLabel: t('decision'),
        fields: [{name: 'decision', label: t('decision'), type: 'select', options: [['ACCEPT', t('accept')], ['REJECT', t('reject')]]},
          {name: 'comment', label: t('comment'), type: 'textarea'}],
        submit: (v) => after(post(`${base}/milestones/${m.id}/decision`, v))}));
    }
    return h('li', {class: `milestone ${m.status.toLowerCase()} ${m.overdue ? 'overdue' : ''}`, 'data-milestone': m.id},
      h('div', {class: 'when'}, m.dueDate, derivedMark(m), m.dueDate < day ? '' : ' ›'),
      h('div', {class: 'what'}, h('strong', {}, bilingual(m.name)), ' ', badge(label(m.status), m.status === 'ACCEPTED' ? 'good' : 'muted'),
        m.overdue ? badge(t('overdue'), 'bad') : null,
        m.evidence ? h('div', {class: 'muted'}, `${t('evidence')}：${m.evidence}`) : null,
        m.decisionComment ? h('div', {class: 'muted'}, `${t('comment')}：${m.decisionComment}`) : null,
        forms.length ? h('details', {class: 'edit'}, h('summary', {}, t('edit')), ...forms) : null));
  });
  return section(t('milestones'), h('ol', {class: 'timeline'}, items));
}

function vehicleSection(vehicles, catalog, can, base, after) {
  if (vehicles instanceof ApiError) return section(t('vehicles'), failed(vehicles));
  const types = catalog instanceof ApiError ? [] : catalog.vehicleTypes;
  const typeName = (code) => types.find((v) => v.code === code)?.nameZh || code;
  return section(t('vehicles'),
    table([t('type'), t('plate'), t('status')], vehicles.items.map((v) => [typeName(v.type), v.plate, label(v.status)]), {empty: '—'}),
    can.edit ? h('details', {class: 'edit'}, h('summary', {}, t('add')), form({id: 'vehicle-form', submitLabel: t('add'),
      fields: [{name: 'type', label: t('type'), type: 'select', options: types.map((v) => [v.code, v.nameZh])},
        {name: 'plate', label: t('plate')},
        {name: 'status', label: t('status'), type: 'select', options: options(['IN_SERVICE', 'OUT_OF_SERVICE'])}],
      submit: (v) => after(post(`${base}/vehicles`, v))})) : null);
}

function equipmentSection(equipment, checks, catalog, can, base, after, place) {
  if (equipment instanceof ApiError) return section(t('equipment'), failed(equipment));
  const items = catalog instanceof ApiError ? [] : catalog.items;
  const itemName = (code) => items.find((i) => i.code === code)?.nameZh || code;
  const parts = [catalog instanceof ApiError || !catalog.title ? null
    : h('p', {class: 'muted catalog-title'}, `${bilingual(catalog.title)} · v${catalog.version}`),
  table([t('itemCode'), t('quantity'), t('expiresOn')],
    equipment.items.map((i) => [itemName(i.itemCode), i.quantity, i.expiresOn || '—']), {empty: '—'})];
  if (can.edit) {
    parts.push(h('details', {class: 'edit'}, h('summary', {}, t('add')), form({id: 'equipment-form', submitLabel: t('add'),
      fields: [{name: 'itemCode', label: t('itemCode'), type: 'select', options: items.map((i) => [i.code, i.nameZh])},
        {name: 'quantity', label: t('quantity'), type: 'number'},
        {name: 'expiresOn', label: t('expiresOn'), type: 'date'}],
      submit: (v) => after(post(`${base}/equipment`, v))})));
  }
  if (!(checks instanceof ApiError) && checks.items.length) {
    parts.push(h('h3', {}, t('equipmentCheck')), table([t('date'), t('checkedBy'), t('finding'), t('notes')],
      checks.items.map((c) => [c.date, c.inspector, c.findings.filter((f) => f.finding !== 'PRESENT')
        .map((f) => `${itemName(equipment.items.find((i) => i.id === f.itemId)?.itemCode)}: ${label(f.finding)}`).join('；') || label('PRESENT'),
      c.notes || ''])));
  }
  if (can.check && equipment.items.length) {
    const fields = [{name: 'date', label: t('date'), type: 'date', value: today()},
      ...equipment.items.map((i) => ({name: `finding-${i.id}`, label: `${itemName(i.itemCode)} ×${i.quantity}`, type: 'select',
        options: options(FINDINGS)})),
      {name: 'notes', label: t('notes'), type: 'textarea'},
      {name: 'photos', label: t('photos'), type: 'photos'}];
    parts.push(h('details', {class: 'edit'}, h('summary', {}, t('equipmentCheck')), form({id: 'check-form', submitLabel: t('save'), fields,
      submit: (v) => fieldWork({kind: 'equipmentCheck', place, path: `${base}/equipment-checks`, recordKind: 'EQUIPMENT_CHECK',
        body: {date: v.date, notes: v.notes, findings: equipment.items.map((i) => ({itemId: i.id, finding: v[`finding-${i.id}`]}))},
        photos: v.photos, after})})));
  }
  return section(t('equipment'), ...parts);
}

function drillSection(drills, can, base, after) {
  if (drills instanceof ApiError) return section(t('drill'), failed(drills));
  return section(t('drill'),
    table([t('date'), t('passed'), t('notes')], drills.items.map((d) => [d.date, d.passed ? t('yes') : t('no'), d.notes || '']), {empty: '—'}),
    can.check ? h('details', {class: 'edit'}, h('summary', {}, t('add')), form({id: 'drill-form', submitLabel: t('add'),
      fields: [{name: 'date', label: t('date'), type: 'date'},
        {name: 'passed', label: t('passed'), type: 'select', options: [['true', t('yes')], ['false', t('no')]]},
        {name: 'notes', label: t('notes'), type: 'textarea'}],
      submit: (v) => after(post(`${base}/drills`, {...v, passed: v.passed === 'true'}))})) : null);
}

function staffSection(roster, can, base, after) {
  if (roster instanceof ApiError) return section(t('staff'), failed(roster));
  return section(`${t('staff')} (${t('activeCount')} ${roster.activeCount})`,
    table([t('name'), t('employment'), t('startDate'), ''], roster.items.filter((f) => f.active).map((f) => [f.name, label(f.employment), f.startDate,
      can.edit ? h('button', {type: 'button', class: 'link', onclick: () => after(remove(`${base}/firefighters/${f.id}`))}, t('leave')) : '']), {empty: '—'}),
    can.edit ? h('details', {class: 'edit'}, h('summary', {}, t('add')), form({id: 'firefighter-form', submitLabel: t('add'),
      fields: [{name: 'name', label: t('name')},
        {name: 'employment', label: t('employment'), type: 'select', options: options(['CONTRACT', 'LABOUR_DISPATCH', 'CAREER'])},
        {name: 'startDate', label: t('startDate'), type: 'date'}],
      submit: (v) => after(post(`${base}/firefighters`, v))})) : null);
}

function fundingSection(funding, can, base, after, year, payer) {
  if (funding instanceof ApiError) return section(t('funding'), failed(funding));
  return section(t('funding'),
    payer ? h('p', {class: 'muted', 'data-payer': payer}, `${t('payer')}：${label(payer)}`) : null,
    table([t('year'), t('amountYuan'), t('source')], funding.items.map((f) => [f.year, f.amountYuan.toLocaleString('zh-CN'), label(f.source)]), {empty: '—'}),
    can.edit ? h('details', {class: 'edit'}, h('summary', {}, t('edit')), form({id: 'funding-form',
      fields: [{name: 'year', label: t('year'), type: 'number', value: year},
        {name: 'amountYuan', label: t('amountYuan'), type: 'number'},
        {name: 'source', label: t('source'), type: 'select', options: options(['COUNTY_FINANCE', 'TOWNSHIP', 'ENTERPRISE', 'OTHER'])}],
      submit: (v) => after(put(`${base}/funding/${v.year}`, {amountYuan: v.amountYuan, source: v.source}))})) : null);
}

function inspectionSection(inspections, can, year, place, after) {
  const id = place.brigadeId;
  if (inspections instanceof ApiError) return section(t('inspections'), failed(inspections));
  const stages = [can.inspectCounty ? 'COUNTY' : null, can.inspectCity ? 'CITY' : null].filter(Boolean);
  return section(`${t('inspections')} (${year})`,
    table([t('stage'), t('result'), t('inspector'), t('at'), t('notes')], inspections.items.map((i) => [label(i.stage),
      h('span', {}, label(i.result), i.overridden ? badge(t('overrideReason'), 'warn') : null), i.inspector,
      dateTime(i.at), [i.notes, i.overrideReason].filter(Boolean).join(' · ')]), {empty: '—'}),
    stages.length ? h('details', {class: 'edit'}, h('summary', {}, t('add')), form({id: 'inspection-form', submitLabel: t('save'),
      fields: [{name: 'stage', label: t('stage'), type: 'select', options: options(stages)},
        {name: 'result', label: t('result'), type: 'select', options: options(['PASS', 'FAIL'])},
        {name: 'notes', label: t('notes'), type: 'textarea'},
        {name: 'overrideReason', label: t('overrideReason'), type: 'textarea'},
        {name: 'photos', label: t('photos'), type: 'photos'}],
      submit: ({photos, ...body}) => fieldWork({kind: 'inspection', place, recordKind: 'INSPECTION', body, photos, after,
        path: `/api/v1/acceptance/${year}/brigades/${encodeURIComponent(id)}/inspections`})})) : null);
}

/**
 * What an inspector records on site (an inspection, an equipment check, with photos) goes through the
 * offline queue, online or not: one Idempotency-Key for the record and one per photo, made now, so
 * that however often it is sent it is stored once. Online it is sent at once and the page reloads;
 * offline it waits, and the form says so and starts afresh.
 */
async function fieldWork({kind, place, path, recordKind, body, photos, after}) {
  const outcome = await offline.submit({kind, ...place, method: 'POST', path, body, recordKind,
    key: offline.newKey(), photos: photos.map((file) => ({key: offline.newKey(), name: file.name, type: file.type,
      size: file.size, blob: file}))});
  if (outcome.kind === 'sent') return after(Promise.resolve());
  if (outcome.kind === 'refused') {
    const reasons = outcome.photos.map((p) => `${p.name}：${p.problem.detail || p.problem.title || p.problem.status}`);
    return {message: `${t('savedWithRefusedPhotos')} ${reasons.join('；')}`, error: true, state: 'refused', reset: true};
  }
  return {message: t('queuedOffline'), state: 'queued', reset: true};
}

function auditSection(audit) {
  if (audit instanceof ApiError) return section(t('audit'), failed(audit));
  return section(t('audit'), table([t('at'), t('actor'), t('action')],
    audit.items.map((e) => [dateTime(e.at), `${e.actor} (${label(e.role)})`, e.action]), {empty: '—'}));
}
