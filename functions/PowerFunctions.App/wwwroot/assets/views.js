// The two view pieces both pages draw: a labelled fact and a table that scrolls sideways on a phone.
import { h } from './dom.js';

/** One fact of a <dl class="facts">. */
export function fact(name, value) {
  return h('div', {}, h('dt', {}, name), h('dd', {}, value ?? '—'));
}

/** A table with a caption (hidden unless `showCaption`), in a keyboard-scrollable region; empty cells show "—". */
export function table(caption, headers, rows, { showCaption = false } = {}) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': `${caption}（表格）`, tabindex: '0' },
    h('table', {},
      h('caption', showCaption ? {} : { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, c ?? '—')))))));
}
