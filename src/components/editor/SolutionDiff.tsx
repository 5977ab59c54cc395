/** The solution beside the learner's text (Monaco's diff editor); read-only, never touches theirs. */
import { useEffect, useRef } from 'react';

type Monaco = typeof import('./load-monaco.ts')['monaco'];
type TextModel = ReturnType<Monaco['editor']['createModel']>;

interface Props {
  file: string;
  yours: string;
  solution: string;
  language: 'typescript' | 'pgsql';
}

export function SolutionDiff({ file, yours, solution, language }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const original = useRef<TextModel>(undefined);

  // Created once; the learner's side follows their edits below instead of rebuilding the editor.
  useEffect(() => {
    let dispose = () => {};
    let cancelled = false;
    import('./load-monaco.ts').then(({ monaco }) => {
      if (cancelled || !host.current) return;
      const left = monaco.editor.createModel(yours, language);
      const right = monaco.editor.createModel(solution, language);
      const diff = monaco.editor.createDiffEditor(host.current, { readOnly: true, automaticLayout: true, minimap: { enabled: false }, originalEditable: false });
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
    // yours is applied by the next effect; the editor itself is made once per solution.
  }, [solution, language]);

  useEffect(() => {
    if (original.current && original.current.getValue() !== yours) original.current.setValue(yours);
  }, [yours]);

  return (
    <figure className="solution-diff" aria-label={`Solution: ${file}`}>
      <figcaption>
        {file}: yours (left) and the solution (right)
      </figcaption>
      <div ref={host} className="monaco-host" style={{ height: '24em' }} />
    </figure>
  );
}
