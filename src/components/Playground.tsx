/**
 * A lesson's playground: the boot status, the editors (handler and migration) as tabs, Run and the
 * edit actions, the network setting, and after a run its checks, errors and result panels. The state
 * lives in a `PlaygroundStore` (src/client/) given as a prop; this component keeps only view state:
 * the open tab, a line to reveal, whether the solution is shown.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlaygroundStore } from '../client/playground-store.ts';
import type { LessonFile } from '../client/storage-keys.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { Notice } from './Notice.tsx';
import { SharedCodeOffer } from './SharedCodeOffer.tsx';
import { StarterChanged } from './StarterChanged.tsx';
import { useStore } from './use-store.ts';
import { CheckList } from './CheckList.tsx';
import { LatencyControls } from './LatencyControls.tsx';
import { DataScaleControls } from './DataScaleControls.tsx';
import { EditActions } from './EditActions.tsx';
import { BootStatus } from './BootStatus.tsx';
import { StartPanel } from './StartPanel.tsx';
import { CodeDiff } from './editor/CodeDiff.tsx';
import { CodeEditor, type EditorMarker } from './editor/CodeEditor.tsx';
import { EditorTabs } from './editor/EditorTabs.tsx';
import { allowTypeChecking } from './editor/type-check-gate.ts';
import { RunResults } from './RunResults.tsx';
import { ErrorList, formatError } from './ErrorList.tsx';
import './playground.css';

interface Props {
  store: PlaygroundStore;
  /**
   * Starts the database on request (an embedded exercise waits for its host page): shown as a Start
   * or Resume button while it is not running. Without it the playground starts the store once shown.
   */
  onStart?: () => void;
}

export function Playground({ store, onStart }: Props) {
  const { boot, running, runNews, documents, report, errors, ranCode, runs, history, latency, offer, notice, paused, starterChanged, scale, tables } = useStore(store);
  const { lesson } = store;
  const code = documents['handler.ts'];
  const migration = documents['migration.sql'];
  const runButton = useRef<HTMLButtonElement>(null);
  const news = useRef<HTMLParagraphElement>(null);
  const [showingSolution, setShowingSolution] = useState(false);
  /** The file whose tab is open. */
  const [file, setFile] = useState('handler.ts');
  /** A line to show in an editor, asked for from the query log or an error. */
  const [reveal, setReveal] = useState<{ file: string; line: number }>();
  const revealLine = (line: number, inFile = 'handler.ts') => {
    setFile(inFile);
    setReveal({ file: inFile, line });
  };
  const files: LessonFile[] = lesson.files.migration === undefined ? ['handler.ts'] : ['handler.ts', 'migration.sql'];
  const run = (options = {}) => void store.run(options);

  // After the first paint of the editor: the worker's download must not delay it.
  useEffect(() => {
    if (!onStart) void store.start();
  }, [store, onStart]);

  // The type checker starts once the database is up, the starter measured and no run is going:
  // sharing the two cores with a measurement would make it look slower than it is.
  useEffect(() => {
    if (boot?.phase === 'failed' || (boot?.phase === 'ready' && boot.starterMeasured && !running)) allowTypeChecking();
  }, [boot, running]);

  // Markers belong to the code that was run: once it is edited they would point at the wrong lines.
  const markers = useMemo(
    () => (ranCode === code ? errors : []).filter((error) => error.line).map((error) => ({ file: error.file, line: error.line!, column: error.column, message: formatError(error) })),
    [errors, ranCode, code],
  );
  const markersFor = (name: string): EditorMarker[] => markers.filter((marker) => marker.file === name);

  useEffect(() => {
    if (runs === 0) return;
    // The results start at the run's news: bring it to the top (of its own pane on wide screens).
    news.current?.scrollIntoView({ block: 'start' });
    // For `npm run bench`: a Run's latency as the learner sees it, from the click to the results on screen.
    requestAnimationFrame(() => setTimeout(() => performance.mark('fastpath:run-shown')));
  }, [runs]);

  return (
    <section className="playground" aria-label="Playground">
      <div className="work-code">
        {onStart && !boot ? <StartPanel paused={paused} onStart={onStart} /> : <BootStatus progress={boot} />}
        <EditorTabs
          selected={file}
          onSelect={setFile}
          tabs={[
            {
              file: 'handler.ts',
              content: <CodeEditor file="handler.ts" language="typescript" value={code} onChange={(text) => store.files.edit('handler.ts', text)} onRun={run} markers={markersFor('handler.ts')} reveal={reveal?.file === 'handler.ts' ? reveal : undefined} />,
            },
            ...(lesson.files.migration === undefined
              ? []
              : [
                  {
                    file: 'migration.sql',
                    content: <CodeEditor file="migration.sql" language="pgsql" value={migration} onChange={(text) => store.files.edit('migration.sql', text)} onRun={run} markers={markersFor('migration.sql')} rows={8} reveal={reveal?.file === 'migration.sql' ? reveal : undefined} />,
                  },
                ]),
          ]}
        />
        <div className="toolbar">
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus it has. */}
          <button type="button" className="primary" ref={runButton} onClick={() => run()} aria-disabled={running || !store.ready}>
            Run
          </button>
          <EditActions
            hasRun={runs > 0}
            showingSolution={showingSolution}
            onToggleSolution={() => setShowingSolution((shown) => !shown)}
            onReset={() => store.files.reset()}
            onUseSolution={() => store.files.useSolution()}
            onUndo={store.files.canUndo ? () => store.files.undo() : undefined}
          />
          <CopyLinkButton slug={lesson.slug} files={Object.fromEntries(files.map((name) => [name, documents[name]]))} />
        </div>
        <p className="muted keys">Ctrl+Enter (⌘+Enter on a Mac) runs. In the editor, Tab indents; Ctrl+M (Ctrl+Shift+M on a Mac) makes Tab move on.</p>
      </div>
      {/* On wide screens this part scrolls on its own under the editor, and each Run brings its news into view. */}
      <div className="work-results">
        {notice && <Notice text={notice} onDismiss={() => store.setNotice(undefined)} />}
        {starterChanged && <StarterChanged was={starterChanged.was} now={lesson.files.starter} onAcknowledge={() => store.files.acknowledgeStarterChange()} />}
        {offer && <SharedCodeOffer offer={offer} yours={documents} files={files} onTake={() => store.files.takeOffer()} onKeep={() => store.files.declineOffer()} />}
        {showingSolution && (
          <>
            <CodeDiff label="Solution: handler.ts" caption="handler.ts: yours (left) and the solution (right)" yours={code} theirs={lesson.files.solution} language="typescript" />
            {lesson.files.solutionMigration !== undefined && (
              <CodeDiff label="Solution: migration.sql" caption="migration.sql: yours (left) and the solution (right)" yours={migration} theirs={lesson.files.solutionMigration} language="pgsql" />
            )}
          </>
        )}
        <LatencyControls lessonModel={store.lessonLatency} value={latency} onChange={(model) => store.setLatency(model)} />
        {lesson.frontmatter.scales && (
          <DataScaleControls scales={lesson.frontmatter.scales} value={scale} tables={tables} enabled={!running && boot?.phase === 'ready'} onChange={(size) => void store.setScale(size)} />
        )}
        <p className="run-news" aria-live="polite" ref={news}>
          {running ? 'Running your code and the starter…' : runNews}
        </p>
        <ErrorList errors={errors} files={files} onRevealLine={ranCode === code ? (where, line) => revealLine(line, where) : undefined} />
        {report && (
          <>
            <CheckList checks={report.checks} />
            <RunResults
              report={report}
              solved={store.solved}
              explanation={lesson.frontmatter.explanation}
              history={history}
              runKey={runs}
              onRemeasure={() => {
                // The results, this link included, are replaced: keep the keyboard on Run meanwhile.
                runButton.current?.focus();
                run({ remeasureStarter: true });
              }}
              onRevealLine={ranCode === code ? revealLine : undefined}
            />
          </>
        )}
      </div>
    </section>
  );
}
