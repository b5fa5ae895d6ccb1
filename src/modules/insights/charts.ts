// The dashboards' charts as SVG drawn on the server (d3-scale for the scales and ticks): a bar
// chart of a breakdown, and a map of the 77 provinces shaded by sales. A suppressed figure is
// drawn hatched and labelled, never as a number.
import { scaleBand, scaleLinear, scaleQuantize } from 'd3-scale';
import { provinceOutlines } from '../../platform/province-map.ts';
import type { Cell } from './privacy.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const cellValue = (c: Cell) => ('value' in c ? c.value : null);
const HATCH =
  '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>';

export interface Bar {
  label: string;
  value: Cell;
}

/** A vertical bar chart; `format` writes an axis value (already in the unit shown). */
export function barChartSvg(bars: Bar[], opts: { title: string; suppressed: string; format: (n: number) => string }) {
  const width = 480;
  const height = 260;
  const m = { top: 16, right: 8, bottom: 40, left: 60 };
  const x = scaleBand<string>()
    .domain(bars.map((b) => b.label))
    .range([m.left, width - m.right])
    .padding(0.2);
  const max = Math.max(1, ...bars.map((b) => cellValue(b.value) ?? 0));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - m.bottom, m.top]);
  const ticks = y.ticks(4);
  const grid = ticks
    .map(
      (t) =>
        `<g><line x1="${m.left}" x2="${width - m.right}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="${m.left - 6}" y="${y(t) + 4}" text-anchor="end">${esc(opts.format(t))}</text></g>`,
    )
    .join('');
  const every = Math.max(1, Math.ceil(bars.length / 4));
  const rects = bars
    .map((b, i) => {
      const v = cellValue(b.value);
      const bx = x(b.label) ?? 0;
      const bw = x.bandwidth();
      const label =
        i % every === 0
          ? `<text x="${bx + bw / 2}" y="${height - m.bottom + 16}" text-anchor="middle">${esc(b.label)}</text>`
          : '';
      if (v === null) {
        const top = m.top + (height - m.bottom - m.top) / 3;
        return `<g><title>${esc(`${b.label}: ${opts.suppressed}`)}</title><rect x="${bx}" y="${top}" width="${bw}" height="${height - m.bottom - top}" fill="url(#hatch)"/>${label}</g>`;
      }
      return `<g><title>${esc(`${b.label}: ${opts.format(v)}`)}</title><rect x="${bx}" y="${y(v)}" width="${bw}" height="${y(0) - y(v)}" fill="#1565c0"/>${label}</g>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" font-family="sans-serif" font-size="14"><title>${esc(opts.title)}</title>${HATCH}${grid}${rects}</svg>`;
}

const SHADES = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

/** The provinces shaded by value (five classes), hatched where suppressed, pale where nothing was sold. */
export function provinceMapSvg(
  cells: { code: string; label: string; value: Cell }[],
  opts: { title: string; suppressed: string; format: (n: number) => string },
) {
  const { width, height, provinces } = provinceOutlines();
  const byCode = new Map(cells.map((c) => [c.code, c]));
  const max = Math.max(1, ...cells.map((c) => cellValue(c.value) ?? 0));
  const shade = scaleQuantize<string>().domain([0, max]).range(SHADES);
  const paths = provinces
    .map((p) => {
      const c = byCode.get(p.code);
      const v = c ? cellValue(c.value) : 0;
      const fill = v === null ? 'url(#hatch)' : v > 0 ? shade(v) : '#f4f1ea';
      const tip = c ? `${c.label}: ${v === null ? opts.suppressed : opts.format(v)}` : p.code;
      return `<path d="${p.d}" fill="${fill}" data-province="${p.code}"><title>${esc(tip)}</title></path>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img"><title>${esc(opts.title)}</title>${HATCH}<g stroke="#fff" stroke-width="0.6" stroke-linejoin="round">${paths}</g></svg>`;
}
