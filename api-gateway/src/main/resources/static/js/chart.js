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

/** phases: [{id, name, dueDate, accepted, submitted, pending, overdue}] */
export function phaseChart(phases) {
  const rowHeight = 34;
  const labelWidth = 190;
  const width = 640;
  const barWidth = width - labelWidth - 50;
  const height = phases.length * rowHeight + 40;
  const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': t('phaseChart')});
  phases.forEach((phase, i) => {
    const y = i * rowHeight + 6;
    const total = PARTS.reduce((sum, [key]) => sum + phase[key], 0) || 1;
    const name = bilingual(phase.name).split('：')[0];
    chart.append(svg('text', {x: 0, y: y + 15, class: 'chart-label'}, name));
    chart.append(svg('text', {x: 0, y: y + 27, class: 'chart-date'}, phase.dueDate));
    let x = labelWidth;
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
    chart.append(svg('text', {x: labelWidth + barWidth + 6, y: y + 15, class: 'chart-label'}, total));
  });
  const legendY = phases.length * rowHeight + 20;
  let x = labelWidth;
  for (const [key, , color] of PARTS) {
    chart.append(svg('rect', {x, y: legendY, width: 12, height: 12, fill: color}));
    chart.append(svg('text', {x: x + 16, y: legendY + 11, class: 'chart-legend'}, partLabel(key)));
    x += 100;
  }
  return chart;
}

function partLabel(key) {
  return key === 'overdue' ? t('overdue') : key === 'pending' ? t('pending') : label(key.toUpperCase());
}
