/**
 * A lesson's playground: the boot status, the editors (handler and migration) as tabs, Run and the
 * edit actions, the network setting, and after a run its checks, errors and result panels. It gets
 * the worker's client as a prop and owns the state that ties them together.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LessonClient } from '../client/lesson-client.ts';
import type { Lesson } from '../lessons/lesson.ts';
import type { RunReport } from '../engine/grade.ts';
import type { RunError } from '../engine/errors.ts';
import type { BootProgress, RunOptions } from '../worker/lesson-api.ts';
import { CheckList } from './CheckList.tsx';
import { LatencyControls } from './LatencyControls.tsx';
import { summariseRun, type RunSummary } from './RunHistory.tsx';
import { DEFAULT_LATENCY, sameLatency, type LatencyModel } from '../engine/sim/scheduler.ts';
import { EditActions } from './EditActions.tsx';
import { BootStatus, describeBoot } from './BootStatus.tsx';
import { SolutionDiff } from './editor/SolutionDiff.tsx';
import { CodeEditor, type EditorMarker } from './editor/CodeEditor.tsx';
import { EditorTabs } from './editor/EditorTabs.tsx';
import { allowTypeChecking } from './editor/type-check-gate.ts';
import { RunResults } from './RunResults.tsx';
import { ErrorList, formatError } from './ErrorList.tsx';
import { markSolved } from '../client/progress.ts';
import { useSavedText } from './use-saved-text.ts';
import './playground.css';

export function Playground({ client, lesson }: { client: LessonClient; lesson: Lesson }) {
  const [boot, setBoot] = useState<BootProgress>();
  const ready = boot?.phase === 'ready';
  /** What the last run came to, said once it is over (a live region). */
  const [runNews, setRunNews] = useState('');
  const runButton = useRef<HTMLButtonElement>(null);
  const [code, setCode] = useSavedText(`fastpath:${lesson.slug}:handler.ts`, lesson.files.starter);
  const [migration, setMigration] = useSavedText(`fastpath:${lesson.slug}:migration.sql`, lesson.files.migration ?? '');
  const [report, setReport] = useState<RunReport>();
  const [errors, setErrors] = useState<RunError[]>([]);
  const [running, setRunning] = useState(false);
  /** Counts finished runs, so per-run view state (the selected query) starts fresh each time. */
  const [runs, setRuns] = useState(0);
  const [showingSolution, setShowingSolution] = useState(false);
  const lessonModel: LatencyModel = { ...DEFAULT_LATENCY, ...lesson.frontmatter.latency };
  const [latency, setLatency] = useState(lessonModel);
  const [history, setHistory] = useState<RunSummary[]>([]);
  /** The file whose tab is open. */
  const [file, setFile] = useState('handler.ts');
  /** A line to show in an editor, asked for from the query log or an error. */
  const [reveal, setReveal] = useState<{ file: string; line: number }>();
  const revealLine = (line: number, inFile = 'handler.ts') => {
    setFile(inFile);
    setReveal({ file: inFile, line });
  };
  const files = lesson.files.migration === undefined ? ['handler.ts'] : ['handler.ts', 'migration.sql'];
  /** The code a reset or "use solution" replaced, for Undo. */
  const [replaced, setReplaced] = useState<{ code: string; migration: string; by: string }>();
  const replaceWith = (next: { code: string; migration: string }) => {
    setReplaced({ code, migration, by: next.code });
    setCode(next.code);
    setMigration(next.migration);
  };
  // Undo is offered only until the replaced text is edited: undoing then would throw that work away.
  const canUndo = replaced !== undefined && replaced.by === code;

  useEffect(() => {
    const onProgress = (progress: BootProgress) => {
      // For `npm run bench`: when the page became usable, measured by the page itself.
      if (progress.phase === 'ready' && !progress.starterMeasured) {
        performance.mark('fastpath:database-ready');
        setRunNews(''); // a "not ready yet" note is out of date now
      }
      setBoot(progress);
    };
    void client.boot(onProgress).then((outcome) => {
      if (!outcome.ok) setBoot({ phase: 'failed', message: outcome.error.message });
    });
  }, [client]);

  // The type checker starts once the database is up, the starter measured and no run is going:
  // sharing the two cores with a measurement would make it look slower than it is.
  useEffect(() => {
    if (boot?.phase === 'failed' || (boot?.phase === 'ready' && boot.starterMeasured && !running)) allowTypeChecking();
  }, [boot, running]);

  // Markers belong to the code that was run: once it is edited they would point at the wrong lines.
  const [ranCode, setRanCode] = useState<string>();
  const markers = useMemo(
    () => (ranCode === code ? errors : []).filter((error) => error.line).map((error) => ({ file: error.file, line: error.line!, column: error.column, message: formatError(error) })),
    [errors, ranCode, code],
  );
  const markersFor = (name: string): EditorMarker[] => markers.filter((marker) => marker.file === name);

  // For `npm run bench`: a Run's latency as the learner sees it, from the click to the results on screen.
  useEffect(() => {
    if (runs > 0) requestAnimationFrame(() => setTimeout(() => performance.mark('fastpath:run-shown')));
  }, [runs]);

  const run = async (options: RunOptions = {}) => {
    if (running) return;
    if (!ready) {
      // Ctrl/Cmd+Enter works before the button does: say why nothing happens (a new text each time,
      // so a second press is heard too).
      const why = boot?.phase === 'failed' ? 'The database could not start; reload the page to try again.' : `${describeBoot(boot)}: Run works once this says Ready.`;
      setRunNews((said) => (said === why ? `${why}\u00a0` : why));
      return;
    }
    performance.mark('fastpath:run-start');
    setRunning(true);
    setRanCode(code);
    setErrors([]);
    setReport(undefined);
    const outcome = await client.run({ code, file: 'handler.ts', migration: lesson.files.migration === undefined ? undefined : migration }, latency, options);
    setRunning(false);
    setRuns((count) => count + 1);
    if (outcome.ok) {
      const graded = outcome.value;
      if (graded.passed && sameLatency(graded.latency, lessonModel)) markSolved(lesson.slug);
      const summary = summariseRun(graded, new Date().toLocaleTimeString());
      setHistory((runs) => [...runs, summary]);
      setReport(graded);
      setErrors(graded.errors);
      const errorNote = graded.errors.length ? `, with ${graded.errors.length === 1 ? 'an error' : 'errors'}` : '';
      setRunNews(`Run finished: ${summary.passed} of ${summary.total} checks passed${errorNote}.`);
    } else {
      setErrors([outcome.error]);
      setRunNews('The run did not finish: see the error below.');
    }
  };

  return (
    <section className="playground" aria-label="Playground">
      <BootStatus progress={boot} />
      <EditorTabs
        selected={file}
        onSelect={setFile}
        tabs={[
          {
            file: 'handler.ts',
            content: <CodeEditor file="handler.ts" language="typescript" value={code} onChange={setCode} onRun={run} markers={markersFor('handler.ts')} reveal={reveal?.file === 'handler.ts' ? reveal : undefined} />,
          },
          ...(lesson.files.migration === undefined
            ? []
            : [
                {
                  file: 'migration.sql',
                  content: <CodeEditor file="migration.sql" language="pgsql" value={migration} onChange={setMigration} onRun={run} markers={markersFor('migration.sql')} rows={8} reveal={reveal?.file === 'migration.sql' ? reveal : undefined} />,
                },
              ]),
        ]}
      />
      <div className="toolbar">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus it has. */}
        <button type="button" className="primary" ref={runButton} onClick={() => void run()} aria-disabled={running || !ready}>
          Run
        </button>
        <EditActions
          hasRun={runs > 0}
          showingSolution={showingSolution}
          onToggleSolution={() => setShowingSolution((shown) => !shown)}
          onReset={() => replaceWith({ code: lesson.files.starter, migration: lesson.files.migration ?? '' })}
          onUseSolution={() => replaceWith({ code: lesson.files.solution, migration: lesson.files.solutionMigration ?? migration })}
          onUndo={canUndo ? () => (setCode(replaced.code), setMigration(replaced.migration), setReplaced(undefined)) : undefined}
        />
      </div>
      <p className="muted keys">Ctrl+Enter (⌘+Enter on a Mac) runs. In the editor, Tab indents; Ctrl+M (Ctrl+Shift+M on a Mac) makes Tab move on.</p>
      {showingSolution && (
        <>
          <SolutionDiff file="handler.ts" yours={code} solution={lesson.files.solution} language="typescript" />
          {lesson.files.solutionMigration !== undefined && (
            <SolutionDiff file="migration.sql" yours={migration} solution={lesson.files.solutionMigration} language="pgsql" />
          )}
        </>
      )}
      <LatencyControls lessonModel={lessonModel} value={latency} onChange={setLatency} />
      <p className="run-news" aria-live="polite">
        {running ? 'Running your code and the starter…' : runNews}
      </p>
      <ErrorList errors={errors} files={files} onRevealLine={ranCode === code ? (where, line) => revealLine(line, where) : undefined} />
      {report && (
        <>
          <CheckList checks={report.checks} />
          <RunResults
            report={report}
            solved={report.passed && sameLatency(report.latency, lessonModel)}
            explanation={lesson.frontmatter.explanation}
            history={history}
            runKey={runs}
            onRemeasure={() => {
              // The results, this link included, are replaced: keep the keyboard on Run meanwhile.
              runButton.current?.focus();
              void run({ remeasureStarter: true });
            }}
            onRevealLine={ranCode === code ? revealLine : undefined}
          />
        </>
      )}
    </section>
  );
}
