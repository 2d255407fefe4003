// The dashboard: a page per hash route, built on the REST API only. The role of the signed-in user
// (from GET /api/v1/me) decides which pages and forms are shown; the services decide what is allowed.
import {t, lang, setLang} from './i18n.js';
import {get, signIn, signOut, token, whenSessionExpires, forgetOfflineCopies, ApiError} from './api.js';
import {h, keepDrafts, takeDraftRoute, restoreDrafts} from './ui.js';
import {overview} from './views/overview.js';
import {brigadePage} from './views/brigade.js';
import {supervisionPage} from './views/supervision.js';
import {reportPage} from './views/report.js';
import {importPage} from './views/imports.js';
import {queuePage} from './views/queue.js';
import {loadCalendar} from './calendar.js';
import * as offline from './offline/sync.js';
import * as queue from './offline/queue.js';

// The installable app: sw.js keeps the dashboard's files and the brigades opened for use offline.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', {updateViaCache: 'none'})
    .catch((e) => console.warn(`offline use is not available: ${e.message}`));
}

const app = document.getElementById('app');
let me = null;

function route() {
  return location.hash.replace(/^#/, '') || '/';
}

whenSessionExpires(() => {
  keepDrafts(route());
  me = null;
  render({expired: true});
});

window.addEventListener('hashchange', () => render());

async function render({expired} = {}) {
  document.title = t('appTitle');
  if (!token()) {
    app.replaceChildren(loginPage(expired));
    return;
  }
  if (!me) {
    try {
      [me] = await Promise.all([get('/api/v1/me'), loadCalendar()]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      app.replaceChildren(h('main', {id: 'main'}, h('div', {class: 'card error', role: 'alert'},
        e instanceof ApiError ? `${e.status} ${e.message}` : String(e))));
      return;
    }
    offline.setUser(me.username);
    offline.sync();
  }
  const current = route();
  const main = h('main', {id: 'main'}, h('p', {class: 'muted'}, t('loading')));
  app.replaceChildren(header(current), main);
  showQueue();
  try {
    const page = await pageFor(current);
    main.replaceChildren(page);
    restoreDrafts(current);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    main.replaceChildren(h('div', {class: 'card error', role: 'alert'},
      e instanceof ApiError ? `${e.status} ${e.message}` : String(e)));
  }
}

function pageFor(current) {
  const brigade = /^\/brigades\/([^/]+)$/.exec(current);
  if (brigade) return brigadePage(me, decodeURIComponent(brigade[1]), () => render());
  if (current === '/supervision') return supervisionPage(me);
  if (current === '/report') return reportPage(me);
  if (current === '/imports') return importPage(me);
  if (current === '/queue') return queuePage(me, () => render());
  return overview(me);
}

function header(current) {
  const links = [['/', t('overview')], ['/supervision', t('supervision')], ['/report', t('report')]];
  if (me.role === 'CITY_ADMIN' || me.role === 'COUNTY_CLERK') links.push(['/imports', t('imports')]);
  return h('header', {class: 'top'},
    h('a', {class: 'brand', href: '#/'}, t('appTitle')),
    h('nav', {}, links.map(([path, text]) => h('a', {href: `#${path}`, class: current === path ? 'active' : null}, text))),
    h('div', {class: 'who'},
      h('a', {href: '#/queue', id: 'queue-indicator', class: 'queue-indicator empty', 'aria-live': 'polite'}),
      h('span', {class: 'user', 'data-role': me.role}, `${me.username}`),
      h('button', {type: 'button', class: 'link', id: 'language', onclick: () => {
        setLang(lang() === 'zh' ? 'en' : 'zh');
        render();
      }}, t('language')),
      h('button', {type: 'button', class: 'link', id: 'logout', onclick: () => {
        signOut();
        forgetOfflineCopies();
        offline.setUser(null);
        me = null;
        location.hash = '#/';
        render();
      }}, t('logout'))));
}

function loginPage(expired) {
  const error = h('div', {class: 'form-message error', role: 'alert'}, expired ? t('sessionExpired') : '');
  const username = h('input', {name: 'username', id: 'username', autocomplete: 'username', required: true});
  const password = h('input', {name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const submit = h('button', {type: 'submit'}, t('login'));
  const form = h('form', {class: 'login card', id: 'login'},
    h('h1', {}, t('appTitle')), error,
    navigator.onLine ? null : h('p', {class: 'offline-note', id: 'login-offline'}, t('loginOffline')),
    h('div', {class: 'field'}, h('label', {for: 'username'}, t('username')), username),
    h('div', {class: 'field'}, h('label', {for: 'password'}, t('password')), password),
    submit,
    h('button', {type: 'button', class: 'link', onclick: () => {
      setLang(lang() === 'zh' ? 'en' : 'zh');
      render({expired});
    }}, t('language')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await signIn(username.value.trim(), password.value);
      const back = takeDraftRoute();
      if (back && back !== route()) location.hash = `#${back}`;
      else render();
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 401 ? t('loginFailed') : e.message;
    } finally {
      submit.disabled = false;
    }
  });
  return h('main', {class: 'login-page'}, form);
}

/**
 * The queue in the header: how many actions wait, how many need the user (a conflict, a refusal),
 * progress while sending, and whether the browser is offline. Hidden when there is nothing to say.
 */
async function showQueue() {
  const indicator = document.getElementById('queue-indicator');
  const user = offline.currentUser();
  if (!indicator || !user) return;
  const actions = await queue.list(user);
  const pending = actions.filter((a) => a.status === 'pending').length;
  const attention = actions.length - pending;
  const progress = offline.getProgress();
  const parts = [];
  if (!navigator.onLine) parts.push(h('span', {class: 'badge offline'}, t('offline')));
  if (progress.active) {
    parts.push(`${t('queueSending')} ${progress.done}/${progress.total}`,
      h('progress', {value: progress.done, max: progress.total || 1}));
  } else if (pending) {
    parts.push(`${t('queueWaiting')} ${pending}`);
  }
  if (attention) parts.push(h('span', {class: 'badge bad'}, `${t('queueAttention')} ${attention}`));
  indicator.replaceChildren(...parts);
  indicator.dataset.pending = pending;
  indicator.dataset.attention = attention;
  indicator.dataset.sending = String(progress.active);
  indicator.classList.toggle('empty', !parts.length);
}

let wasSending = false;
offline.onProgress((progress) => {
  showQueue();
  // the queue page follows a background sync (the brigade pages are left alone: a form may be open)
  if (wasSending && !progress.active && route() === '/queue') render();
  wasSending = progress.active;
});
window.addEventListener('online', showQueue);
offline.start();

render().then(showQueue);
