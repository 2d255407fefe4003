// The city's business calendar: default dates ("today") and shown times follow the zone the services
// judge due dates in (GET /api/v1/calendar), not the zone of the browser's machine.
import {get} from './api.js';

let zone = 'Asia/Shanghai';

/** Loads the business zone once per sign-in. */
export async function loadCalendar() {
  const calendar = await get('/api/v1/calendar');
  zone = calendar.zone;
}

/** Today's date in the business zone, as YYYY-MM-DD. */
export function today() {
  const parts = new Intl.DateTimeFormat('en-CA', {timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit'})
    .formatToParts(new Date());
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** This year in the business zone. */
export function thisYear() {
  return Number(today().slice(0, 4));
}

/** An instant (ISO text) as a local date and time of the business zone. */
export function dateTime(instant) {
  return new Date(instant).toLocaleString(document.documentElement.lang || undefined, {timeZone: zone});
}
