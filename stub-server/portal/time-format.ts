/** How moments leave the portal: ISO 8601 in UTC, null for a moment that has not happened. */
export function iso(ms: number): string;
export function iso(ms: number | undefined): string | null;
export function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}
