/**
 * The island entry: the one place that builds a lesson client and its store; everything below gets
 * the store as a prop. On a lesson page the playground starts the database once shown and share
 * links are read; in an embedded exercise with a host page, the host decides when it starts
 * (src/client/embed-frame.ts).
 */
import { useEffect, useState } from 'react';
import { createLessonClient } from '../client/lesson-client.ts';
import { PlaygroundStore } from '../client/playground-store.ts';
import { watchShareLinks } from '../client/offer-shared-code.ts';
import { connectToHost } from '../client/embed-frame.ts';
import { hostOrigin } from '../client/embed-protocol.ts';
import type { Lesson } from '../lessons/lesson.ts';
import { Playground } from './Playground.tsx';

interface Props {
  lesson: Lesson;
  snapshotUrl: string;
  /** True on /embed/<slug>/: talks to the host page named by the `host=` parameter, if any. */
  embedded?: boolean;
}

export default function PlaygroundIsland({ lesson, snapshotUrl, embedded = false }: Props) {
  const [mounted, setMounted] = useState<{ store: PlaygroundStore; onStart?: () => void }>();
  useEffect(() => {
    const store = new PlaygroundStore(lesson, createLessonClient({ lesson, snapshotUrl }));
    const host = embedded && parent !== window ? hostOrigin(new URLSearchParams(location.search).get('host')) : undefined;
    let stop: () => void;
    if (host) {
      const connection = connectToHost(store, host);
      setMounted({ store, onStart: () => connection.requestStart() });
      stop = () => connection.disconnect();
    } else {
      setMounted({ store }); // the playground starts it once shown
      stop = embedded ? () => undefined : watchShareLinks(store);
    }
    return () => {
      stop();
      store.dispose();
    };
  }, [lesson, snapshotUrl, embedded]);
  return mounted ? <Playground store={mounted.store} onStart={mounted.onStart} /> : null;
}
