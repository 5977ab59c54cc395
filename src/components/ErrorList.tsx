/**
 * The learner's errors, each with its place: `handler.ts:12` is a link that shows the line in its
 * editor, as the query log's lines do, when the file is one the learner edits and the code has not
 * changed since the run.
 */
import type { RunError } from '../engine/errors.ts';

/** An error in one line of text, as the list and the editor's markers show it. */
export function formatError(error: RunError, withPlace = true): string {
  const place = withPlace && error.file ? `${error.file}${error.line ? `:${error.line}` : ''}: ` : '';
  const times = error.count ? ` (${error.count} times)` : '';
  return `${place}${error.message}${error.sql?.hint ? ` (hint: ${error.sql.hint})` : ''}${times}`;
}

interface Props {
  errors: RunError[];
  /** Files a line can be shown in (the ones with an editor). */
  files: string[];
  /** Shows a line of a file in its editor; absent once the code changed since the run. */
  onRevealLine?: (file: string, line: number) => void;
}

/** The list of errors, or nothing when there are none. */
export function ErrorList({ errors, files, onRevealLine }: Props) {
  if (errors.length === 0) return null;
  return (
    <ul className="errors" aria-label="Errors">
      {errors.map((error, index) => {
        const { file, line } = error;
        const linked = onRevealLine && file && line && files.includes(file);
        return (
          <li key={index}>
            {linked ? (
              <>
                <button type="button" className="link place" onClick={() => onRevealLine(file, line)} title="Show this line in the editor">
                  {file}:{line}
                </button>
                : {formatError(error, false)}
              </>
            ) : (
              formatError(error)
            )}
          </li>
        );
      })}
    </ul>
  );
}
