/**
 * Other code (the solution, a shared link's) beside the learner's text, in Monaco's diff editor:
 * read-only, it never touches theirs.
 */
import { useEffect, useRef } from 'react';

type Monaco = typeof import('./load-monaco.ts')['monaco'];
type TextModel = ReturnType<Monaco['editor']['createModel']>;

interface Props {
  /** The figure's accessible name, e.g. "Solution: handler.ts". */
  label: string;
  /** The visible caption, naming the two sides. */
  caption: string;
  /** The learner's text, on the left; it follows their edits. */
  yours: string;
  /** The other text, on the right. */
  theirs: string;
  language: 'typescript' | 'pgsql';
}

export function CodeDiff({ label, caption, yours, theirs, language }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const original = useRef<TextModel>(undefined);

  // Created once; the learner's side follows their edits below instead of rebuilding the editor.
  useEffect(() => {
    let dispose = () => {};
    let cancelled = false;
    import('./load-monaco.ts').then(({ monaco }) => {
      if (cancelled || !host.current) return;
      const left = monaco.editor.createModel(yours, language);
      const right = monaco.editor.createModel(theirs, language);
      const diff = monaco.editor.createDiffEditor(host.current, { readOnly: true, automaticLayout: true, minimap: { enabled: false }, originalEditable: false, renderFinalNewline: 'on' });
      diff.setModel({ original: left, modified: right });
      original.current = left;
      dispose = () => {
        diff.dispose();
        left.dispose();
        right.dispose();
        original.current = undefined;
      };
    });
    return () => {
      cancelled = true;
      dispose();
    };
    // yours is applied by the next effect; the editor itself is made once per other text.
  }, [theirs, language]);

  useEffect(() => {
    if (original.current && original.current.getValue() !== yours) original.current.setValue(yours);
  }, [yours]);

  return (
    <figure className="code-diff" aria-label={label}>
      <figcaption>{caption}</figcaption>
      <div ref={host} className="monaco-host" style={{ height: '24em' }} />
    </figure>
  );
}
