/**
 * The messages between an embedded exercise (the iframe, /embed/<slug>/) and the page embedding it
 * (public/embed.js, which keeps its own copy of these names: it is a plain script for any site).
 * Every message carries `fastpath: 1`; each side accepts only messages of these shapes, from the
 * one window and origin it talks to.
 */

/** The marker and version every message carries. */
export const PROTOCOL = 1;

/** A check as the host page receives it: plain values, no markup. */
export interface EmbedCheck {
  id: string;
  label: string;
  passed: boolean;
  /** What the run measured; null when it could not be measured. */
  measured: number | string | null;
  /** The goal. */
  target: number | string;
}

/** From the exercise to the host page. */
export type ExerciseMessage =
  | { fastpath: 1; type: 'hello'; lesson: string }
  | { fastpath: 1; type: 'want-start' }
  | { fastpath: 1; type: 'ready' }
  | { fastpath: 1; type: 'run' }
  | { fastpath: 1; type: 'result'; passed: boolean; checks: EmbedCheck[] }
  | { fastpath: 1; type: 'paused' }
  | { fastpath: 1; type: 'height'; height: number };

/** From the host page to the exercise: boot the database now, or stop it to free memory. */
export type HostMessage = { fastpath: 1; type: 'start' } | { fastpath: 1; type: 'pause' };

/** `data` as a host message, or undefined when it is not one. */
export function asHostMessage(data: unknown): HostMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { fastpath, type } = data as Record<string, unknown>;
  return fastpath === PROTOCOL && (type === 'start' || type === 'pause') ? { fastpath: PROTOCOL, type } : undefined;
}

/**
 * The host page's origin from the exercise's `host=` parameter, or undefined when it is missing or
 * not an origin (then the exercise talks to nobody and runs on its own).
 */
export function hostOrigin(param: string | null): string | undefined {
  if (!param) return undefined;
  try {
    const origin = new URL(param).origin;
    return origin === param && origin !== 'null' ? origin : undefined;
  } catch {
    return undefined;
  }
}
