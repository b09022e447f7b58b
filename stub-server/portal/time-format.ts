/**
 * Moments already formatted: an application's history is read again at every status check
 * and every back-office decision, its moments formatted each time.
 */
const formatted = new Map<number, string>();
const FORMATTED_KEPT = 100_000;

/** How moments leave the portal: ISO 8601 in UTC, null for a moment that has not happened. */
export function iso(ms: number): string;
export function iso(ms: number | undefined): string | null;
export function iso(ms: number | undefined): string | null {
  if (ms === undefined) return null;
  let text = formatted.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (formatted.size >= FORMATTED_KEPT) formatted.clear();
    formatted.set(ms, text);
  }
  return text;
}
