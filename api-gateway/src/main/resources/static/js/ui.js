// Small DOM helpers shared by the views: elements, tables, forms whose errors come from the API's
// problem+json field errors, and the drafts kept when a session expires mid-form.
import {t, label, problemMessage} from './i18n.js';
import {ApiError} from './api.js';
import {photoPicker} from './offline/photos.js';

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function table(headings, rows, {empty, className} = {}) {
  if (!rows.length && empty) return h('p', {class: 'muted'}, empty);
  return h('div', {class: 'table-wrap'}, h('table', {class: className},
    h('thead', {}, h('tr', {}, headings.map((x) => h('th', {}, x)))),
    // each cell names its heading, for layouts that show rows as cards (a phone)
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => h('td', {'data-label': headings[i] || null}, c)))))));
}

export function badge(text, kind) {
  return h('span', {class: `badge ${kind}`}, text);
}

export function section(title, ...content) {
  return h('section', {class: 'card'}, h('h2', {}, title), ...content);
}

/**
 * A form: fields are {name, label, type, options, value, required}; `submit(values)` returns a
 * promise. A rejected ApiError shows its field errors beside the fields and its detail on top;
 * a 412 offers to reload; nothing is cleared on failure.
 */
export function form({id, fields, submitLabel, submit, onConflict}) {
  const message = h('div', {class: 'form-message', role: 'alert'});
  const inputs = {};
  const pickers = {};
  const rows = fields.map((f) => {
    let input;
    if (f.type === 'photos') {
      pickers[f.name] = photoPicker(`${id}-${f.name}`);
      input = pickers[f.name].element;
    } else if (f.type === 'select') {
      input = h('select', {name: f.name, id: `${id}-${f.name}`},
        f.options.map(([value, text]) => h('option', {value, selected: String(f.value) === String(value)}, text)));
    } else if (f.type === 'checkboxes') {
      input = h('div', {class: 'checkboxes', 'data-name': f.name},
        f.options.map(([value, text]) => h('label', {}, h('input', {type: 'checkbox', name: f.name, value,
          checked: (f.value || []).includes(value)}), text)));
    } else if (f.type === 'textarea') {
      input = h('textarea', {name: f.name, id: `${id}-${f.name}`, rows: 2});
      input.value = f.value ?? '';
    } else {
      input = h('input', {name: f.name, id: `${id}-${f.name}`, type: f.type || 'text', step: f.step,
        value: f.value ?? '', required: f.required});
    }
    inputs[f.name] = input;
    return h('div', {class: 'field', 'data-field': f.name},
      h('label', {for: `${id}-${f.name}`}, f.label), input, h('div', {class: 'field-error'}));
  });
  const button = h('button', {type: 'submit'}, submitLabel || t('save'));
  const element = h('form', {class: 'form', id, novalidate: true}, message, ...rows, button);
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    element.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    message.textContent = '';
    message.className = 'form-message';
    delete message.dataset.state;
    const values = {};
    for (const f of fields) {
      if (f.type === 'checkboxes') {
        values[f.name] = [...element.querySelectorAll(`input[name="${f.name}"]:checked`)].map((c) => c.value);
      } else if (f.type === 'photos') {
        values[f.name] = pickers[f.name].photos();
      } else {
        const raw = inputs[f.name].value.trim();
        values[f.name] = raw === '' ? null : f.type === 'number' ? Number(raw) : raw;
      }
    }
    button.disabled = true;
    try {
      // a submit may answer how it went (kept offline, stored with a refused photo) and ask for a fresh form
      const result = await submit(values);
      message.textContent = result?.message || t('saved');
      message.classList.add(result?.error ? 'error' : 'ok');
      if (result?.state) message.dataset.state = result.state;
      if (result?.reset) {
        element.reset();
        Object.values(pickers).forEach((p) => p.clear());
      }
    } catch (e) {
      showError(e, element, message, onConflict);
    } finally {
      button.disabled = false;
    }
  });
  return element;
}

function showError(e, element, message, onConflict) {
  message.classList.add('error');
  if (!(e instanceof ApiError)) {
    message.textContent = String(e);
    return;
  }
  if (e.status === 412 && onConflict) {
    message.append(t('conflict'), ' ', h('button', {type: 'button', class: 'link', onclick: onConflict}, t('conflictReload')));
    return;
  }
  if (e.status === 403) {
    message.textContent = `${t('notAllowed')}: ${e.message}`;
    return;
  }
  message.textContent = e.fieldErrors.length ? t('fixFields') : problemMessage(e.message);
  for (const error of e.fieldErrors) {
    const name = String(error.field || '').split('.').pop().replace(/\[\d+\]$/, '');
    const slot = element.querySelector(`[data-field="${error.field}"] .field-error`)
      || element.querySelector(`[data-field="${name}"] .field-error`);
    if (slot) slot.textContent = problemMessage(error.message);
    else message.append(h('div', {}, `${error.field}: ${problemMessage(error.message)}`));
  }
}

export function options(values) {
  return values.map((v) => [v, label(v)]);
}

const DRAFT = 'brigades.draft';

/** Keeps what is typed in the open forms (the session expired): restored after the next login. */
export function keepDrafts(route) {
  const fields = {};
  document.querySelectorAll('form.form').forEach((f) => {
    f.querySelectorAll('input[name], textarea[name], select[name]').forEach((input) => {
      if (input.type === 'checkbox') return;
      if (input.value) fields[`${f.id}/${input.name}`] = input.value;
    });
  });
  sessionStorage.setItem(DRAFT, JSON.stringify({route, fields}));
}

export function takeDraftRoute() {
  const draft = JSON.parse(sessionStorage.getItem(DRAFT) || 'null');
  return draft?.route;
}

export function restoreDrafts(route) {
  const draft = JSON.parse(sessionStorage.getItem(DRAFT) || 'null');
  if (!draft || draft.route !== route) return;
  for (const [key, value] of Object.entries(draft.fields)) {
    const [formId, name] = key.split('/');
    const input = document.querySelector(`form#${CSS.escape(formId)} [name="${CSS.escape(name)}"]`);
    if (input) input.value = value;
  }
  sessionStorage.removeItem(DRAFT);
}

export function progressBar(value, max, text) {
  const percent = max ? Math.round((100 * value) / max) : 0;
  return h('div', {class: 'progress', role: 'progressbar', 'aria-valuenow': value, 'aria-valuemax': max, title: text},
    h('div', {class: 'progress-fill', style: `width:${percent}%`}), h('span', {class: 'progress-text'}, text));
}
