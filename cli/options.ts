/** A whole-number option: undefined when not given; a clear error naming the flag when not whole or below `min`. */
export function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${flag} ${value} is not a whole number of at least ${min}`);
  return n;
}
