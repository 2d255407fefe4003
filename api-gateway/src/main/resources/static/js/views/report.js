// The year-end acceptance report: the table on screen, per-county totals, and the CSV and Excel
// files, downloaded with a progress line (a city-sized report takes a while).
import {t, label, outcome} from '../i18n.js';
import {get, download} from '../api.js';
import {h, table, section} from '../ui.js';
import {complianceBadge, planYear} from './overview.js';

export async function reportPage() {
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
        label(b.constructionMode), complianceBadge(b), h('span', {class: `outcome ${b.outcome}`}, outcome(b.outcome))])));
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
