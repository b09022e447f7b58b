/**
 * How numbers are written in every report (console, report.md, report.html): one way each,
 * so a figure reads the same wherever it is shown. Independent of the machine's locale.
 */

/** A number with thousands separators and `digits` decimals: 12,345 or 0.25. */
export function fmt(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '–';
  const [int, frac] = Math.abs(x).toFixed(digits).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (x < 0 ? '-' : '') + grouped + (frac ? '.' + frac : '');
}

/** `part` as a percentage of `whole`: 12.3%; – when there is no whole. */
export const pct = (part: number, whole: number, digits = 1): string => (whole > 0 ? `${fmt((100 * part) / whole, digits)}%` : '–');

/** A share (0.123) as a percentage: 12.3%. */
export const share = (x: number, digits = 1): string => pct(x, 1, digits);
