// The supervision list: overdue milestones by county as of a date, as the city sends it on, and the
// same list as the file the city's "13710" supervision office takes (Excel or CSV, Chinese headings).
import {t, bilingual} from '../i18n.js';
import {get, download} from '../api.js';
import {h, table, section} from '../ui.js';
import {today} from '../calendar.js';

export async function supervisionPage() {
  const body = h('div', {id: 'supervision-list'});
  const asOf = h('input', {type: 'date', id: 'as-of', value: today()});
  const status = h('span', {class: 'download-status', id: 'export-status', role: 'status'});
  const load = async () => {
    const list = await get(`/api/v1/supervision?asOf=${asOf.value}`);
    body.replaceChildren(...(list.items.length ? list.items.map((c) => h('div', {class: 'county-group', 'data-county': c.county},
      h('h3', {}, `${c.countyName} · ${c.milestones.length}`),
      table([t('town'), t('milestones'), t('dueDate'), t('daysOverdue')], c.milestones.map((m) => [
        h('a', {href: `#/brigades/${encodeURIComponent(m.brigadeId)}`}, m.town), bilingual(m.name), m.dueDate,
        h('strong', {class: 'bad-text'}, m.daysOverdue)])))) : [h('p', {class: 'muted'}, t('noOverdue'))]));
  };
  const button = (format, text) => h('button', {type: 'button', id: `export-${format}`, onclick: async (e) => {
    e.target.disabled = true;
    status.textContent = t('downloading');
    try {
      const file = await download(`/api/v1/supervision/export?format=${format}&asOf=${asOf.value}`,
        `supervision-${asOf.value}.${format}`, () => {});
      status.textContent = `${file.name} · ${Math.max(1, Math.round(file.bytes / 1024))} KB`;
    } catch (err) {
      status.textContent = err.message;
    } finally {
      e.target.disabled = false;
    }
  }}, text);
  asOf.addEventListener('change', load);
  await load();
  return section(t('supervision'), h('div', {class: 'filters'}, h('label', {}, t('asOf'), asOf),
    button('xlsx', t('exportXlsx')), button('csv', t('exportCsv')), status), body);
}
