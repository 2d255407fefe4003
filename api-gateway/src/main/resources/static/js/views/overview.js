// The city overview: every brigade the user may see, grouped by county, with level, mode, milestone
// progress, compliance and overdue flags; filters; counts by county; the phase chart.
import {t, label, outcome} from '../i18n.js';
import {get, inBatches} from '../api.js';
import {h, table, badge, section, progressBar, options} from '../ui.js';
import {phaseChart} from '../chart.js';
import {thisYear} from '../calendar.js';
import {takeOfflineBar} from './take-offline.js';

const LEVELS = ['LEVEL_ONE', 'LEVEL_TWO'];
const MODES = ['SELF_BUILT', 'JOINT_ENTERPRISE', 'ADAPTED', 'DEFERRED', 'EXISTING'];

/** The plan's year: the year its first milestone falls due. */
export function planYear(milestoneLists) {
  const years = milestoneLists.flat().map((m) => Number(String(m.dueDate).slice(0, 4))).filter(Boolean);
  return years.length ? Math.min(...years) : thisYear();
}

export async function overview(me) {
  const [brigades, counties] = await Promise.all([get('/api/v1/brigades'), get('/api/v1/counties')]);
  const milestones = await inBatches(brigades.items, 6,
    (b) => get(`/api/v1/brigades/${encodeURIComponent(b.id)}/milestones`).then((r) => r.items));
  const year = planYear(milestones.filter(Array.isArray));
  const report = await get(`/api/v1/acceptance/${year}/report`).catch(() => ({brigades: []}));
  const outcomes = new Map(report.brigades.map((r) => [r.id, r]));
  const rows = brigades.items.map((b, i) => ({
    brigade: b, milestones: Array.isArray(milestones[i]) ? milestones[i] : null, row: outcomes.get(b.id),
  }));

  const filters = {county: '', level: '', mode: '', overdue: false};
  const list = h('div', {id: 'brigade-list'});
  const countyNames = new Map(counties.items.map((c) => [c.id, c.name]));
  const draw = () => list.replaceChildren(...groups(rows.filter((r) => matches(r, filters)), countyNames));
  const select = (key, values, words) => h('label', {}, words,
    h('select', {id: `filter-${key}`, onchange: (e) => { filters[key] = e.target.value; draw(); }},
      h('option', {value: ''}, t('all')), values.map(([v, text]) => h('option', {value: v}, text))));
  const filterBar = h('div', {class: 'filters'},
    me.role === 'COUNTY_CLERK' ? null : select('county', counties.items.map((c) => [c.id, c.name]), t('county')),
    select('level', options(LEVELS), t('level')),
    select('mode', options(MODES), t('mode')),
    h('label', {}, h('input', {type: 'checkbox', id: 'filter-overdue', onchange: (e) => { filters.overdue = e.target.checked; draw(); }}),
      t('overdue')));
  draw();

  return h('div', {class: 'overview'},
    h('div', {class: 'grid2'},
      section(`${t('phaseChart')} (${year})`, phaseChart(phases(rows))),
      section(t('counties'), countyTable(rows, counties.items))),
    section(`${t('brigadeList')} (${brigades.items.length})`, takeOfflineBar(me, () => (me.role === 'COUNTY_CLERK'
      ? rows : rows.filter((r) => matches(r, filters))).map((r) => r.brigade.id)), filterBar, list));
}

function matches({brigade, milestones}, f) {
  return (!f.county || brigade.county === f.county) && (!f.level || brigade.level === f.level)
    && (!f.mode || brigade.constructionMode === f.mode) && (!f.overdue || (milestones || []).some((m) => m.overdue));
}

function groups(rows, countyNames) {
  const byCounty = new Map();
  rows.forEach((r) => byCounty.set(r.brigade.county, [...(byCounty.get(r.brigade.county) || []), r]));
  if (!byCounty.size) return [h('p', {class: 'muted'}, '—')];
  return [...byCounty.entries()].map(([county, members]) => h('div', {class: 'county-group', 'data-county': county},
    h('h3', {}, `${countyNames.get(county) || county} · ${members.length} ${t('brigades')}`),
    table([t('town'), t('level'), t('mode'), t('progress'), t('compliance'), t('outcome')], members.map(brigadeRow),
      {className: 'brigades-table'})));
}

function brigadeRow({brigade, milestones, row}) {
  const link = h('a', {href: `#/brigades/${encodeURIComponent(brigade.id)}`, class: 'brigade-link', 'data-id': brigade.id}, brigade.town);
  let progress;
  if (!milestones) progress = badge(t('unavailable'), 'warn');
  else if (!milestones.length) progress = h('span', {class: 'muted'}, '—');
  else {
    const accepted = milestones.filter((m) => m.status === 'ACCEPTED').length;
    const overdue = milestones.filter((m) => m.overdue).length;
    progress = h('div', {class: 'progress-cell'}, progressBar(accepted, milestones.length, `${accepted}/${milestones.length}`),
      overdue ? badge(`${t('overdue')} ${overdue}`, 'bad overdue-flag') : null);
  }
  // on a phone the row is a card with town, level, form and outcome; progress and compliance open with a tap
  const more = h('button', {type: 'button', class: 'link row-more', 'aria-expanded': 'false', onclick: (e) => {
    const open = e.target.closest('tr').classList.toggle('open');
    e.target.setAttribute('aria-expanded', String(open));
    e.target.textContent = open ? t('less') : t('more');
  }}, t('more'));
  return [h('span', {class: 'town-cell'}, link, more), label(brigade.level), label(brigade.constructionMode), progress,
    complianceBadge(row), row ? outcome(row.outcome) : '—'];
}

export function complianceBadge(row) {
  if (!row || row.compliant == null) return badge(row?.outcome === 'UNAVAILABLE' ? t('unavailable') : t('noRules'), 'muted');
  return row.compliant ? badge(t('compliant'), 'good compliance') : badge(t('notCompliant'), 'bad compliance');
}

function phases(rows) {
  const byId = new Map();
  for (const {milestones} of rows) {
    for (const m of milestones || []) {
      const phase = byId.get(m.id) || {id: m.id, name: m.name, dueDate: m.dueDate, derived: m.derived, accepted: 0, submitted: 0,
        pending: 0, overdue: 0};
      if (m.status === 'ACCEPTED') phase.accepted++;
      else if (m.overdue) phase.overdue++;
      else if (m.status === 'SUBMITTED') phase.submitted++;
      else phase.pending++;
      byId.set(m.id, phase);
    }
  }
  return [...byId.values()].sort((a, b) => String(a.dueDate).localeCompare(String(b.dueDate)));
}

function countyTable(rows, counties) {
  const lines = counties.map((c) => {
    const members = rows.filter((r) => r.brigade.county === c.id);
    const overdue = members.filter((r) => (r.milestones || []).some((m) => m.overdue)).length;
    const compliant = members.filter((r) => r.row?.compliant === true).length;
    const accepted = members.filter((r) => r.row?.outcome === 'ACCEPTED').length;
    return {c, members: members.length, overdue, compliant, accepted};
  }).filter((l) => l.members > 0);
  const sum = (key) => lines.reduce((s, l) => s + l[key], 0);
  return table([t('county'), t('total'), t('compliant'), t('accepted'), t('overdue')],
    [...lines.map((l) => [l.c.name, l.members, l.compliant, l.accepted, l.overdue]),
      [h('strong', {}, t('total')), sum('members'), sum('compliant'), sum('accepted'), sum('overdue')]]);
}

