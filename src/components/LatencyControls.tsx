/**
 * The simulated network, adjustable: round trip and pool size. Goals are graded at the lesson's
 * own setting; other settings show how the costs move.
 */
import { sameLatency, type LatencyModel } from '../engine/sim/scheduler.ts';

interface Props {
  /** The lesson's model (defaults with the lesson's overrides). */
  lessonModel: LatencyModel;
  value: LatencyModel;
  onChange: (model: LatencyModel) => void;
}

const unique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

export function LatencyControls({ lessonModel, value, onChange }: Props) {
  const custom = !sameLatency(value, lessonModel);
  return (
    <fieldset className="latency">
      <legend>Simulated network</legend>
      <label>
        Round trip{' '}
        <select value={value.rttMs} onChange={(event) => onChange({ ...value, rttMs: Number(event.target.value) })}>
          {unique([0, 1, 20, lessonModel.rttMs]).map((ms) => (
            <option key={ms} value={ms}>
              {ms} ms{ms === lessonModel.rttMs ? ' (lesson)' : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Pool{' '}
        <select value={value.poolSize} onChange={(event) => onChange({ ...value, poolSize: Number(event.target.value) })}>
          {unique([1, 10, 50, lessonModel.poolSize]).map((size) => (
            <option key={size} value={size}>
              {size} connection{size === 1 ? '' : 's'}
              {size === lessonModel.poolSize ? ' (lesson)' : ''}
            </option>
          ))}
        </select>
      </label>
      <p className="model">
        Query times (in the real Postgres running in this page) and your code's CPU time are measured; round trips and the pool are simulated.
        {custom && ' The goals count only at the lesson’s setting: this one is for exploring.'}
      </p>
    </fieldset>
  );
}
