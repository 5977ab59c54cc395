/**
 * The data-scale control of index and plan lessons: re-run on a smaller or larger copy of the
 * lesson's data to see where the planner changes plans and how each plan's cost grows. Goals are
 * graded at the lesson's own size; other sizes are for exploring, like another network setting.
 */
import type { TableRows } from '../engine/lesson/lesson-session.ts';

interface Props {
  /** The other sizes the lesson offers (its `scales`), as multiples of its data. */
  scales: readonly number[];
  /** The size the database holds now. */
  value: number;
  /** The lesson's tables at `value`, once seeded at another size. */
  tables?: TableRows[];
  /** False while a run or a reseed is going: the size cannot change then. */
  enabled: boolean;
  onChange: (scale: number) => void;
}

const rowCount = new Intl.NumberFormat('en');

export function DataScaleControls({ scales, value, tables, enabled, onChange }: Props) {
  const options = [...new Set([1, ...scales])].sort((a, b) => a - b);
  return (
    <fieldset className="data-scale">
      <legend>Data size</legend>
      <label>
        Rows{' '}
        <select value={value} disabled={!enabled} onChange={(event) => onChange(Number(event.target.value))}>
          {options.map((scale) => (
            <option key={scale} value={scale}>
              {scale}x{scale === 1 ? " (the lesson's, graded)" : ''}
            </option>
          ))}
        </select>
      </label>
      <p className="model">
        {value === 1
          ? 'Another size seeds the lesson again here, in this page, to show how the plans and their costs change with the data. The goals count only at 1x.'
          : `Runs now use ${value}x the lesson's data: for exploring, not graded.`}
        {value !== 1 && tables && tables.length > 0 && (
          <> {tables.slice(0, 3).map((table) => `${table.table}: ${rowCount.format(Math.round(table.rows))} rows`).join(', ')}.</>
        )}
      </p>
    </fieldset>
  );
}
