/** `total` dealt into `parts` as evenly as whole units allow: the first `total % parts` get one more. */
export function dealOut(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}
