/**
 * Code from a share link, beside the learner's own, until they choose: nothing was run and nothing
 * replaced. The shared text is only ever shown as text (in Monaco's diff editor).
 */
import type { Documents } from '../client/saved-documents.ts';
import type { LessonFile } from '../client/storage-keys.ts';
import { CodeDiff } from './editor/CodeDiff.tsx';

interface Props {
  offer: Documents;
  yours: Documents;
  /** The files the lesson has. */
  files: LessonFile[];
  onTake: () => void;
  onKeep: () => void;
}

export function SharedCodeOffer({ offer, yours, files, onTake, onKeep }: Props) {
  const differing = files.filter((file) => offer[file] !== yours[file]);
  return (
    <section className="shared-offer" aria-label="Shared code">
      <p>
        <strong>This link shares code for this lesson.</strong> It has not been run, and your code is unchanged until you choose. Compare
        them below: yours on the left, the shared code on the right.
      </p>
      <div className="toolbar">
        <button type="button" onClick={onTake}>
          Use the shared code
        </button>
        <button type="button" onClick={onKeep}>
          Keep my code
        </button>
      </div>
      {differing.map((file) => (
        <CodeDiff
          key={file}
          label={`Shared code: ${file}`}
          caption={`${file}: yours (left) and the shared code (right)`}
          yours={yours[file]}
          theirs={offer[file]}
          language={file === 'handler.ts' ? 'typescript' : 'pgsql'}
        />
      ))}
    </section>
  );
}
