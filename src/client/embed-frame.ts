/**
 * The embedded exercise's side of the conversation with its host page (embed-protocol.ts): it says
 * hello and waits, boots only when the host says start (so the page runs one database at a time),
 * pauses when told, and reports ready, each run, each result and its height. Messages go only to
 * the host's origin, and only the parent window at that origin is listened to.
 */
import type { PlaygroundStore, PlaygroundState } from './playground-store.ts';
import { asHostMessage, PROTOCOL, type EmbedCheck, type ExerciseMessage } from './embed-protocol.ts';

/** What the exercise offers its Start and Resume buttons. */
export interface HostConnection {
  /** Asks the host to start this exercise (it pauses any other first). */
  requestStart(): void;
  /** Stops listening and reporting. */
  disconnect(): void;
}

/** Connects `store` to the parent window at `origin`. */
export function connectToHost(store: PlaygroundStore, origin: string): HostConnection {
  const send = (message: ExerciseMessage) => parent.postMessage(message, origin);
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || event.origin !== origin) return;
    const message = asHostMessage(event.data);
    if (message?.type === 'start') void store.start();
    else if (message?.type === 'pause' && !store.getState().paused) {
      store.pause();
      send({ fastpath: PROTOCOL, type: 'paused' });
    }
  };
  addEventListener('message', onMessage);

  let before: PlaygroundState = store.getState();
  const unsubscribe = store.subscribe((state) => {
    if (state.boot?.phase === 'ready' && before.boot?.phase !== 'ready') send({ fastpath: PROTOCOL, type: 'ready' });
    if (state.running && !before.running) send({ fastpath: PROTOCOL, type: 'run' });
    if (state.report && state.report !== before.report) send({ fastpath: PROTOCOL, type: 'result', passed: state.report.passed, checks: state.report.checks.map(plainCheck) });
    before = state;
  });

  // The host sizes the frame to its content when asked to (height="auto").
  let lastHeight = 0;
  const resize = new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) send({ fastpath: PROTOCOL, type: 'height', height: (lastHeight = height) });
  });
  resize.observe(document.documentElement);

  send({ fastpath: PROTOCOL, type: 'hello', lesson: store.lesson.slug });
  return {
    requestStart: () => send({ fastpath: PROTOCOL, type: 'want-start' }),
    disconnect: () => {
      removeEventListener('message', onMessage);
      unsubscribe();
      resize.disconnect();
    },
  };
}

function plainCheck({ id, label, passed, measured, target }: EmbedCheck): EmbedCheck {
  return { id, label, passed, measured, target };
}
