// Photos taken on site: a picker that opens the phone's camera (or the files) and collects every
// photo taken, with previews; and the multipart body that sends one photo to the attachments API.
import {h} from '../ui.js';
import {t} from '../i18n.js';

/**
 * The picker: each pick (a photo taken, or files chosen) adds to the list; each photo can be removed
 * before the form is sent. `photos()` gives the chosen Files, `clear()` empties the list.
 */
export function photoPicker(id) {
  const chosen = [];
  const list = h('ul', {class: 'photo-list', id: `${id}-list`});
  const input = h('input', {type: 'file', id, name: 'photos', accept: 'image/*', capture: 'environment', multiple: true});
  const draw = () => list.replaceChildren(...chosen.map((file, index) => {
    const url = URL.createObjectURL(file);
    return h('li', {class: 'photo'},
      h('img', {src: url, alt: file.name, onload: () => URL.revokeObjectURL(url), onerror: () => URL.revokeObjectURL(url)}),
      h('span', {class: 'photo-name'}, `${file.name} · ${sizeText(file.size)}`),
      h('button', {type: 'button', class: 'link', onclick: () => { chosen.splice(index, 1); draw(); }}, t('remove')));
  }));
  input.addEventListener('change', () => {
    chosen.push(...input.files);
    input.value = '';
    draw();
  });
  return {element: h('div', {class: 'photo-picker'}, input, list), photos: () => [...chosen],
    clear: () => { chosen.length = 0; draw(); }};
}

export function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One photo as multipart/form-data (file, recordKind, recordId), built by hand so that it is the same
 * bytes every time it is sent: the boundary comes from the photo's Idempotency-Key, and the gateway
 * replays a retried key only when the body is identical (a browser's FormData picks a new boundary).
 */
export function attachmentBody(photo, recordKind, recordId) {
  const boundary = `----brigades-photo-${photo.key}`;
  const safe = (text) => String(text).replace(/["\\\r\n]/g, '_');
  const field = (name, value) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${safe(value)}\r\n`;
  const head = field('recordKind', recordKind) + field('recordId', recordId)
    + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safe(photo.name || 'photo')}"\r\n`
    + `Content-Type: ${safe(photo.type || 'application/octet-stream')}\r\n\r\n`;
  return {body: new Blob([head, photo.blob, `\r\n--${boundary}--\r\n`]), contentType: `multipart/form-data; boundary=${boundary}`};
}
