/** Rounds to 3 decimals (microseconds), so reports stay readable. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
