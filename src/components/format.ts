/** Number formats shared by the result panels. */

/** Milliseconds with two decimals. */
export const formatMs = (value: number) => `${value.toFixed(2)} ms`;

/** A 0-1 rate as a whole percentage; a dash when there is none. */
export const formatRate = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
