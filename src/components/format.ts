/** Number formats shared by the result panels. */

/** Below this step (ms) a clock is fine enough that its readings are shown as they are. */
export const COARSE_CLOCK_MS = 0.01;

/**
 * Milliseconds: two decimals from 0.01 ms up, one significant digit below ("0.004 ms"), so a short
 * time never reads "0.00 ms". `resolutionMs` is how finely a measured figure is known (the clock's
 * step for one reading or a total; the step divided by the count for an average): when the clock
 * is coarse and the figure is under it, it reads "< 0.1 ms", because the clock could not tell.
 */
export function formatMs(value: number, resolutionMs = 0): string {
  if (resolutionMs >= COARSE_CLOCK_MS && value < resolutionMs) return `< ${significant(resolutionMs)} ms`;
  if (value === 0) return '0 ms';
  if (value < 0.001) return '< 0.001 ms';
  if (value < 0.01) return `${significant(value, 1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** A span of virtual time: seconds with one decimal from a second up, else milliseconds. */
export const formatSpan = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : formatMs(ms));

/** A count that may be a mean: whole numbers as they are, else two decimals. */
export const formatCount = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

/** A 0-1 rate as a whole percentage; a dash when there is none. */
export const formatRate = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);

/** `value` to `digits` significant digits, without trailing zeros (0.09999 -> "0.1"). */
function significant(value: number, digits = 2): string {
  return String(Number(value.toPrecision(digits)));
}
