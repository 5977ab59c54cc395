/**
 * The draggable divider between the lesson's prose and its playground on wide screens: a WAI-ARIA
 * window splitter (a focusable `separator` with a value) moved by pointer or arrow keys, its place
 * remembered across lessons. The layout reads the share from the `--prose-share` property.
 */
import { readStored, splitKey, writeStored } from './storage-keys.ts';

/** The prose column's share of the width, in percent, kept between these bounds. */
const MIN_SHARE = 25;
const MAX_SHARE = 60;
const DEFAULT_SHARE = 38;

const clamp = (share: number) => Math.min(MAX_SHARE, Math.max(MIN_SHARE, Math.round(share)));

/** Makes `separator` resize the two columns of `layout`. */
export function attachSplitDivider(layout: HTMLElement, separator: HTMLElement): void {
  const stored = Number(readStored(splitKey));
  let share = Number.isFinite(stored) && stored > 0 ? clamp(stored) : DEFAULT_SHARE;
  const apply = (next: number, save: boolean) => {
    share = clamp(next);
    layout.style.setProperty('--prose-share', `${share}%`);
    separator.setAttribute('aria-valuenow', String(share));
    if (save) writeStored(splitKey, String(share));
  };
  separator.setAttribute('aria-valuemin', String(MIN_SHARE));
  separator.setAttribute('aria-valuemax', String(MAX_SHARE));
  apply(share, false);

  separator.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    separator.setPointerCapture(event.pointerId);
    const box = layout.getBoundingClientRect();
    const move = (moved: PointerEvent) => apply(((moved.clientX - box.left) / box.width) * 100, false);
    const end = () => {
      separator.removeEventListener('pointermove', move);
      apply(share, true);
    };
    separator.addEventListener('pointermove', move);
    separator.addEventListener('pointerup', end, { once: true });
    separator.addEventListener('pointercancel', end, { once: true });
  });
  separator.addEventListener('keydown', (event) => {
    const step = { ArrowLeft: -2, ArrowRight: 2, Home: MIN_SHARE - share, End: MAX_SHARE - share }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    apply(share + step, true);
  });
}
