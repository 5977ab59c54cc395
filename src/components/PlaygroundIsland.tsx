/** The island entry: the one place that builds a lesson client and its store; everything below gets the store as a prop. */
import { useEffect, useState } from 'react';
import { createLessonClient } from '../client/lesson-client.ts';
import { PlaygroundStore } from '../client/playground-store.ts';
import { watchShareLinks } from '../client/offer-shared-code.ts';
import type { Lesson } from '../lessons/lesson.ts';
import { Playground } from './Playground.tsx';

interface Props {
  lesson: Lesson;
  snapshotUrl: string;
}

export default function PlaygroundIsland({ lesson, snapshotUrl }: Props) {
  const [store, setStore] = useState<PlaygroundStore>();
  useEffect(() => {
    const created = new PlaygroundStore(lesson, createLessonClient({ lesson, snapshotUrl }));
    setStore(created);
    const stopWatching = watchShareLinks(created);
    return () => {
      stopWatching();
      created.dispose();
    };
  }, [lesson, snapshotUrl]);
  return store ? <Playground store={store} /> : null;
}
