// The supervision list: overdue milestones by county as of a date, as the city sends it on.
import {t, bilingual} from '../i18n.js';
import {get} from '../api.js';
import {h, table, section} from '../ui.js';
import {today} from '../calendar.js';

export async function supervisionPage() {
  const body = h('div', {id: 'supervision-list'});
  const asOf = h('input', {type: 'date', id: 'as-of', value: today()});
  const load = async () => {
    const list = await get(`/api/v1/supervision?asOf=${asOf.value}`);
    body.replaceChildren(...(list.items.length ? list.items.map((c) => h('div', {class: 'county-group', 'data-county': c.county},
      h('h3', {}, `${c.countyName} · ${c.milestones.length}`),
      table([t('town'), t('milestones'), t('dueDate'), t('daysOverdue')], c.milestones.map((m) => [
        h('a', {href: `#/brigades/${encodeURIComponent(m.brigadeId)}`}, m.town), bilingual(m.name), m.dueDate,
        h('strong', {class: 'bad-text'}, m.daysOverdue)])))) : [h('p', {class: 'muted'}, t('noOverdue'))]));
  };
  asOf.addEventListener('change', load);
  await load();
  return section(t('supervision'), h('label', {class: 'filters'}, t('asOf'), asOf), body);
}
