/** HTML building blocks of the report: escaping, bars, tables, tiles (numbers: ../format.ts). */
import { fmt, pct } from '../format';

export { fmt, pct };

export const esc = (s: string | number): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A template's `{name}` places filled in. */
export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/** JSON safe inside <script>. */
export const scriptJson = (v: unknown): string =>
  JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Horizontal bars: label, bar (relative to `scale`), value text. */
export function bars(rows: { label: string; value: number; text: string; cls?: string }[], scale: number): string {
  const body = rows
    .map((r) => {
      const w = scale > 0 ? Math.max(0, Math.min(100, (100 * r.value) / scale)) : 0;
      return `<div class="bar-row"><div class="bar-label">${r.label}</div><div class="bar-track"><div class="bar ${r.cls ?? ''}" style="width:${w.toFixed(2)}%"></div></div><div class="bar-value">${r.text}</div></div>`;
    })
    .join('');
  return `<div class="bars">${body}</div>`;
}

export function table(head: string[], rows: string[][], numericFrom = 1): string {
  const th = head.map((h, i) => `<th${i >= numericFrom ? ' class="num"' : ''}>${h}</th>`).join('');
  const tr = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

/** Headline figures as tiles; a class (`good`, `bad`) colours the value. */
export function tiles(stats: [label: string, value: string, cls?: string][]): string {
  return `<div class="tiles">${stats
    .map(([k, v, cls]) => `<div class="tile ${cls ?? ''}"><div class="tile-v">${v}</div><div class="tile-k">${esc(k)}</div></div>`)
    .join('')}</div>`;
}
