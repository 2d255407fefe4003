// Bulk import: the template, a file (CSV or Excel) uploaded with a progress bar, and the answer:
// rows stored, or every bad row and column named.
import {t, label, problemMessage} from '../i18n.js';
import {upload, download, ApiError} from '../api.js';
import {h, table, section, progressBar} from '../ui.js';

export async function importPage(me) {
  const kinds = me.role === 'CITY_ADMIN' ? ['brigades', 'vehicles', 'equipment', 'firefighters'] : ['vehicles', 'equipment', 'firefighters'];
  const kind = h('select', {id: 'import-kind'}, kinds.map((k) => h('option', {value: k}, label(k))));
  const file = h('input', {type: 'file', id: 'import-file', accept: '.csv,.xlsx'});
  const dryRun = h('input', {type: 'checkbox', id: 'import-dry-run'});
  const validRows = h('input', {type: 'checkbox', id: 'import-valid-rows'});
  const progress = h('div', {id: 'import-progress'});
  const result = h('div', {id: 'import-result', role: 'status'});
  const go = h('button', {type: 'button', id: 'import-go', onclick: async () => {
    if (!file.files.length) return;
    go.disabled = true;
    result.replaceChildren();
    const query = `mode=${validRows.checked ? 'valid-rows' : 'all'}&dryRun=${dryRun.checked}`;
    try {
      const answer = await upload(`/api/v1/imports/${kind.value}?${query}`, file.files[0], (sent, total) =>
        progress.replaceChildren(progressBar(sent, total || sent, `${t('uploading')} ${Math.round(sent / 1024)} KB`)));
      result.replaceChildren(h('p', {class: 'ok-text', 'data-stored': answer.stored},
        `${answer.dryRun ? t('dryRun') + ' · ' : ''}${t('rowsStored')}：${answer.stored} / ${answer.rows}`),
        answer.errors?.length ? table([t('row'), t('column'), ''], answer.errors.map((x) => [x.row ?? '', x.column ?? x.field ?? '', problemMessage(x.message)])) : null);
    } catch (e) {
      const errors = e instanceof ApiError ? e.fieldErrors : [];
      result.replaceChildren(h('p', {class: 'error'}, e.message),
        table([t('row'), t('column'), ''], errors.map((x) => [x.row ?? '', x.column ?? x.field ?? '', problemMessage(x.message)])));
    } finally {
      go.disabled = false;
    }
  }}, t('submit'));
  const template = h('button', {type: 'button', class: 'link', onclick: () =>
    download(`/api/v1/imports/${kind.value}/template`, `${kind.value}.xlsx`, () => {})}, t('template'));
  return section(t('imports'), h('div', {class: 'form'},
    h('div', {class: 'field'}, h('label', {for: 'import-kind'}, t('kind')), kind, template),
    h('div', {class: 'field'}, h('label', {for: 'import-file'}, t('uploadFile')), file),
    h('label', {}, dryRun, t('dryRun')), h('label', {}, validRows, t('validRows')), go), progress, result);
}
