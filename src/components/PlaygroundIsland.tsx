/** The island entry: the one place that builds a lesson client; everything below gets it as a prop. */
import { useEffect, useState } from 'react';
import { createLessonClient, type LessonClient } from '../client/lesson-client.ts';
import type { Lesson } from '../lessons/lesson.ts';
import { Playground } from './Playground.tsx';

interface Props {
  lesson: Lesson;
  snapshotUrl: string;
}

export default function PlaygroundIsland({ lesson, snapshotUrl }: Props) {
  const [client, setClient] = useState<LessonClient>();
  useEffect(() => {
    const created = createLessonClient({ lesson, snapshotUrl });
    setClient(created);
    return () => created.dispose();
  }, [lesson, snapshotUrl]);
  return client ? <Playground client={client} lesson={lesson} /> : null;
}
