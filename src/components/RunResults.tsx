/**
 * What a graded run shows under its checks: the first wrong answer, the solved note, the starter
 * beside the learner's run, the concurrent traffic on the clock, the cache, this visit's runs and
 * the query log with plans. It gets the report and the page's callbacks as props, so a new panel
 * lands here rather than in Playground.
 */
import type { RunReport } from '../engine/grade.ts';
import { BeforeAfter } from './BeforeAfter.tsx';
import { CachePanel } from './CachePanel.tsx';
import { MismatchView } from './MismatchView.tsx';
import { QueriesAndPlans } from './QueriesAndPlans.tsx';
import { RequestTimeline } from './RequestTimeline.tsx';
import { RunHistory } from './RunHistory.tsx';
import type { RunSummary } from '../client/run-summary.ts';
import { Solved } from './Solved.tsx';
import './results.css';

interface Props {
  report: RunReport;
  /** True when every goal passed at the lesson's own network setting. */
  solved: boolean;
  /** The lesson's explanation, shown once it is solved. */
  explanation: string;
  /** This visit's runs, oldest first. */
  history: RunSummary[];
  /** Changes with every run, so per-run view state (the selected query) starts fresh. */
  runKey: number;
  /** Runs again with the starter measured afresh. */
  onRemeasure: () => void;
  /** Shows a line of the handler; absent once the code changed since the run (its lines are stale). */
  onRevealLine?: (line: number) => void;
}

/** The result panels of one run, in reading order. */
export function RunResults({ report, solved, explanation, history, runKey, onRemeasure, onRevealLine }: Props) {
  return (
    <>
      <MismatchView mismatches={report.mismatches} onRevealLine={onRevealLine} />
      {solved && <Solved explanation={explanation} />}
      <BeforeAfter report={report} onRemeasure={onRemeasure} />
      <RequestTimeline starter={report.starter} learner={report.learner} />
      <CachePanel report={report} />
      <RunHistory runs={history} />
      <QueriesAndPlans key={runKey} report={report} onRevealLine={onRevealLine} />
    </>
  );
}
