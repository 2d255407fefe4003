// The phase chart: one horizontal bar per plan phase (milestone), split into accepted, submitted,
// not yet due and overdue brigades. Plain SVG: no library, nothing fetched from elsewhere.
import {t, label, bilingual} from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
const PARTS = [
  ['accepted', 'ACCEPTED', '#2e7d32'],
  ['submitted', 'SUBMITTED', '#1976d2'],
  ['pending', 'PENDING', '#b0bec5'],
  ['overdue', 'overdue', '#d32f2f'],
];

function svg(tag, attributes, text) {
  const element = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
  if (text != null) element.textContent = text;
  return element;
}

const PHONE = '(max-width: 640px)';

/**
 * phases: [{id, name, dueDate, derived, accepted, submitted, pending, overdue}]. On a wide screen the
 * names stand left of the bars; on a phone each name stands above its bar in a drawing only as wide
 * as the phone, so that the words keep their size instead of being scaled down. The chart redraws
 * when the screen crosses that width.
 */
export function phaseChart(phases) {
  const holder = document.createElement('div');
  holder.className = 'chart-holder';
  const media = window.matchMedia(PHONE);
  const draw = () => holder.replaceChildren(media.matches ? narrow(phases) : wide(phases));
  media.addEventListener('change', () => holder.isConnected && draw());
  draw();
  return holder;
}

function wide(phases) {
  const rowHeight = 34;
  const labelWidth = 190;
  const width = 640;
  const barWidth = width - labelWidth - 50;
  const height = phases.length * rowHeight + 40;
  const chart = frame(width, height, 'wide');
  phases.forEach((phase, i) => {
    const y = i * rowHeight + 6;
    chart.append(svg('text', {x: 0, y: y + 15, class: 'chart-label'}, shortName(phase)));
    chart.append(svg('text', {x: 0, y: y + 27, class: 'chart-date'}, dateText(phase)));
    bar(chart, phase, labelWidth, y, barWidth);
  });
  legend(chart, labelWidth, phases.length * rowHeight + 20, 100);
  return chart;
}

function narrow(phases) {
  const rowHeight = 50;
  const width = 340;
  const barWidth = width - 34;
  const height = phases.length * rowHeight + 30;
  const chart = frame(width, height, 'narrow');
  phases.forEach((phase, i) => {
    const y = i * rowHeight + 4;
    chart.append(svg('text', {x: 0, y: y + 13, class: 'chart-label'}, `${shortName(phase)}  `));
    chart.lastChild.append(svg('tspan', {class: 'chart-date'}, dateText(phase)));
    bar(chart, phase, 0, y + 19, barWidth);
  });
  legend(chart, 0, phases.length * rowHeight + 10, 85);
  return chart;
}

function frame(width, height, layout) {
  return svg('svg', {viewBox: `0 0 ${width} ${height}`, class: `chart ${layout}`, 'data-layout': layout,
    role: 'img', 'aria-label': t('phaseChart')});
}

function shortName(phase) {
  return bilingual(phase.name).split('：')[0];
}

/** The due date, marked when the plan states no such date (the product derived it). */
function dateText(phase) {
  return phase.derived ? `${phase.dueDate}（${t('derived')}）` : phase.dueDate;
}

function bar(chart, phase, left, y, barWidth) {
  const total = PARTS.reduce((sum, [key]) => sum + phase[key], 0) || 1;
  let x = left;
  for (const [key, , color] of PARTS) {
    const w = (barWidth * phase[key]) / total;
    if (w > 0) {
      const rect = svg('rect', {x, y, width: w, height: 22, fill: color});
      rect.append(svg('title', {}, `${partLabel(key)}: ${phase[key]}`));
      chart.append(rect);
      if (w > 18) chart.append(svg('text', {x: x + w / 2, y: y + 15, class: 'chart-count'}, phase[key]));
    }
    x += w;
  }
  chart.append(svg('text', {x: left + barWidth + 6, y: y + 15, class: 'chart-label'}, total));
}

function legend(chart, left, y, step) {
  let x = left;
  for (const [key, , color] of PARTS) {
    chart.append(svg('rect', {x, y, width: 12, height: 12, fill: color}));
    chart.append(svg('text', {x: x + 16, y: y + 11, class: 'chart-legend'}, partLabel(key)));
    x += step;
  }
}

function partLabel(key) {
  return key === 'overdue' ? t('overdue') : key === 'pending' ? t('pending') : label(key.toUpperCase());
}
