/**
 * Reads share links from the page's address into the playground: their files are offered beside
 * the learner's (never put in their place, never run), or a link that cannot be used becomes a
 * notice. A link is read when the page opens and whenever the address's fragment changes (a link
 * pasted into the tab of the same lesson does not reload the page). It leaves the address once the
 * learner has chosen, so a reload does not ask again.
 */
import type { PlaygroundStore } from './playground-store.ts';
import { decodeShareLink, withoutShareLink } from './share-link.ts';

/** Offers the code of share links in `location.hash`, now and on every change; returns the stop. */
export function watchShareLinks(store: PlaygroundStore): () => void {
  let stopWaiting = () => {};
  const read = async () => {
    const link = await decodeShareLink(location.hash, store.lesson.slug);
    if (!link) return;
    stopWaiting();
    if (!link.ok) {
      store.setNotice(link.message);
      return forgetLink();
    }
    store.files.offerDocuments(link.value);
    if (!store.getState().offer) return forgetLink(); // the same code as the learner's
    stopWaiting = store.subscribe((state) => {
      if (state.offer) return;
      stopWaiting();
      forgetLink();
    });
  };
  const onHashChange = () => void read();
  addEventListener('hashchange', onHashChange);
  void read();
  return () => {
    removeEventListener('hashchange', onHashChange);
    stopWaiting();
  };
}

function forgetLink(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}${withoutShareLink(location.hash)}`);
}
