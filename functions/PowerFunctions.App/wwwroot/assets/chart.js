// A horizontal bar chart drawn as SVG from data (no library): one bar per row, value written beside it.
import { svg } from './dom.js';

/** rows: [{label, value, note?}]; max: the scale's end (defaults to the largest value). */
export function barChart({ title, description, rows, max, format = v => String(v) }) {
  const rowHeight = 34;
  const labelWidth = 150;
  const valueWidth = 70;
  const width = 640;
  const top = 8;
  const height = top * 2 + rows.length * rowHeight;
  const end = Math.max(max ?? 0, ...rows.map(r => r.value), 1);
  const barSpace = width - labelWidth - valueWidth;
  const id = `chart-${Math.random().toString(36).slice(2, 8)}`;
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart' },
    svg('title', { id: `${id}-t` }, title),
    svg('desc', { id: `${id}-d` }, description ?? rows.map(r => `${r.label} ${format(r.value)}`).join('；')),
    rows.map((row, i) => {
      const y = top + i * rowHeight;
      const length = Math.max(0, (row.value / end) * barSpace);
      return svg('g', { class: row.note ?? '' },
        svg('text', { x: labelWidth - 8, y: y + rowHeight / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'chart-label' }, row.label),
        svg('rect', { x: labelWidth, y: y + 6, width: length.toFixed(1), height: rowHeight - 12, rx: 3, class: 'chart-bar' }),
        svg('text', { x: labelWidth + length + 6, y: y + rowHeight / 2, 'dominant-baseline': 'middle', class: 'chart-value' }, format(row.value)));
    }));
}
