// The year-end acceptance report: the table on screen, per-county totals, and the CSV and Excel
// files, downloaded with a progress line (a city-sized report takes a while).
import {t, label, outcome} from '../i18n.js';
import {get, download, call} from '../api.js';
import {h, table, section, form} from '../ui.js';
import {complianceBadge, planYear} from './overview.js';

export async function reportPage(me) {
  // the year of the plan in force (its first milestone's), not a year written into the page
  const brigades = await get('/api/v1/brigades');
  const first = brigades.items.length ? await get(`/api/v1/brigades/${encodeURIComponent(brigades.items[0].id)}/milestones`) : {items: []};
  const year = h('input', {type: 'number', id: 'report-year', value: planYear([first.items]), min: 2000, max: 2100});
  const status = h('div', {class: 'download-status', id: 'download-status', role: 'status'});
  const content = h('div', {id: 'report-table'});
  const load = async () => {
    content.replaceChildren(h('p', {class: 'muted'}, t('loading')));
    const report = await get(`/api/v1/acceptance/${year.value}/report`);
    content.replaceChildren(h('h3', {}, t('counties')),
      table([t('county'), t('total'), t('accepted')], report.counties.map((c) => [c.name || c.id, c.total, c.accepted])),
      h('h3', {}, `${t('brigadeList')} · ${report.brigades.length}`),
      table([t('county'), t('town'), t('level'), t('mode'), t('compliance'), t('outcome')], report.brigades.map((b) => [
        b.countyName || b.county, h('a', {href: `#/brigades/${encodeURIComponent(b.id)}`}, b.town || b.id), label(b.level),
        label(b.constructionMode), complianceBadge(b), h('span', {class: `outcome ${b.outcome}`}, outcome(b.outcome))])),
      await countySection(me, year.value, load));
  };
  const button = (format, text) => h('button', {type: 'button', id: `download-${format}`, onclick: async (e) => {
    e.target.disabled = true;
    status.textContent = t('downloading');
    try {
      const file = await download(`/api/v1/acceptance/${year.value}/report?format=${format}`, `acceptance-${year.value}.${format}`,
        (bytes, total) => { status.textContent = `${t('downloading')} ${total ? Math.round((100 * bytes) / total) + '%' : Math.round(bytes / 1024) + ' KB'}`; });
      status.textContent = `${file.name} · ${Math.max(1, Math.round(file.bytes / 1024))} KB`;
    } catch (err) {
      status.textContent = err.message;
    } finally {
      e.target.disabled = false;
    }
  }}, text);
  year.addEventListener('change', load);
  await load();
  return section(t('report'), h('div', {class: 'filters'}, h('label', {}, t('year'), year),
    button('csv', t('downloadCsv')), button('xlsx', t('downloadXlsx')), status), content);
}

// The city's acceptance per county (issue 19): each county's brigades, its summary and long-term
// mechanism (its clerk writes them), the city's outcome with the annual assessment (an inspector or
// the administrator records it). The forms show for the roles that may use them; the services decide.
const CITY_OUTCOMES = ['ACCEPTED', 'NOT_ACCEPTED', 'RETURNED_FOR_REWORK'];
const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'];

async function countySection(me, year, reload) {
  const counties = await get(`/api/v1/acceptance/${year}/counties`);
  const city = me && (me.role === 'CITY_ADMIN' || me.role === 'CITY_INSPECTOR');
  const writer = (c) => me && (me.role === 'CITY_ADMIN' || (me.role === 'COUNTY_CLERK' && me.county === c.county));
  const send = (path, body, c) => call('PUT', `/api/v1/acceptance/${year}/counties/${encodeURIComponent(c.county)}/${path}`,
    {body, ifMatch: `"${c.version}"`}).then(reload);
  const cards = counties.items.map((c) => {
    const b = c.brigades;
    const forms = [];
    if (writer(c)) {
      forms.push(form({id: `county-summary-${c.county}`, submitLabel: t('save'),
        fields: [{name: 'summary', label: t('countySummary'), type: 'textarea', value: c.summary},
          {name: 'longTermMechanism', label: t('longTermMechanism'), type: 'textarea', value: c.longTermMechanism}],
        submit: (v) => send('summary', {summary: v.summary ?? '', longTermMechanism: v.longTermMechanism ?? ''}, c),
        onConflict: reload}));
    }
    if (city) {
      forms.push(form({id: `county-outcome-${c.county}`, submitLabel: t('recordOutcome'),
        fields: [{name: 'outcome', label: t('cityOutcome'), type: 'select', value: c.outcome || 'ACCEPTED',
          options: CITY_OUTCOMES.map((o) => [o, cityOutcome(o)])},
        {name: 'note', label: t('cityOutcomeNote'), type: 'textarea', value: c.outcomeNote},
        {name: 'assessmentScore', label: t('assessmentScore'), type: 'number', step: 'any', value: c.assessmentScore},
        {name: 'assessmentGrade', label: t('assessmentGrade'), type: 'select', value: c.assessmentGrade || '',
          options: [['', '—'], ...GRADES.map((g) => [g, grade(g)])]}],
        submit: (v) => send('outcome', {outcome: v.outcome, note: v.note ?? '', assessmentScore: v.assessmentScore ?? undefined,
          assessmentGrade: v.assessmentGrade || undefined}, c),
        onConflict: reload}));
    }
    return h('div', {class: 'card county-acceptance', 'data-county': c.county},
      h('h4', {}, c.countyName || c.county, ' ', h('span', {class: `outcome ${c.outcome || 'PENDING'}`},
        c.outcome ? cityOutcome(c.outcome) : t('notRecorded'))),
      table([t('total'), t('accepted'), label('FAIL'), t('awaitingCity'), t('notInspected'), label('DEFERRED'),
        t('assessmentScore'), t('assessmentGrade')],
      [[b.total, b.accepted, b.failed, b.awaitingCity, b.notInspected, b.deferred, c.assessmentScore ?? '—',
        c.assessmentGrade ? grade(c.assessmentGrade) : '—']]),
      c.outcomeNote ? h('p', {}, `${t('cityOutcomeNote')}: ${c.outcomeNote}`) : null,
      c.summary ? h('p', {}, `${t('countySummary')}: ${c.summary}`) : null,
      c.longTermMechanism ? h('p', {}, `${t('longTermMechanism')}: ${c.longTermMechanism}`) : null,
      ...forms);
  });
  return h('div', {id: 'county-acceptance'}, h('h3', {}, t('countyAcceptance')),
    h('p', {class: 'muted'}, t('gradesAreOurs')), ...cards);
}

function cityOutcome(value) {
  return t(`cityOutcome_${value}`);
}

function grade(value) {
  return t(`grade_${value}`);
}
