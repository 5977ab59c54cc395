/** React's view of a framework-free store (src/client/): re-renders when the store changes. */
import { useSyncExternalStore } from 'react';

/** Anything with `subscribe` and `getState`, like `PlaygroundStore`. */
export interface Subscribable<T> {
  subscribe(listener: () => void): () => void;
  getState(): T;
}

/** The store's current state; the component re-renders on every change. */
export function useStore<T>(store: Subscribable<T>): T {
  return useSyncExternalStore(store.subscribe, store.getState);
}
