/**
 * The query log grouped by shape: how often each ran, its DB time, and the lines that sent it (each
 * one shown in the editor on click). Flags say what to look at: N+1, queries nobody awaited, and
 * queries a timer sent after the request had answered.
 */
import type { ShapeSummary } from '../engine/measure/summarise.ts';

interface Props {
  shapes: ShapeSummary[];
  /** Shows the plan of a shape. */
  onSelect: (shapeId: string) => void;
  selected?: string;
  /** Shows a line of the handler in the editor; absent when the code changed since the run. */
  onRevealLine?: (line: number) => void;
}

/** The table of query shapes. */
export function QueryShapes({ shapes, onSelect, selected, onRevealLine }: Props) {
  if (shapes.length === 0) return null;
  return (
    <section className="shapes" aria-label="Queries">
      <h3>Your queries, by shape</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Query</th>
            <th scope="col">Ran</th>
            <th scope="col">DB time</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {shapes.map((shape) => (
            <tr key={shape.shapeId} className={shape.shapeId === selected ? 'selected' : undefined}>
              <td>
                <button type="button" className="link" onClick={() => onSelect(shape.shapeId)} title="Show its plan">
                  <code>{shape.fingerprint}</code>
                </button>
                {shape.repeatedInRequest && <span className="flag"> N+1: {shape.maxPerRequest}x in one request</span>}
                {shape.unawaited > 0 && <span className="flag"> not awaited: {shape.unawaited}x</span>}
                {shape.background > 0 && <span className="flag"> background: {shape.background}x</span>}
              </td>
              <td>{shape.count}x</td>
              <td>{shape.totalDbMs.toFixed(1)} ms</td>
              <td>
                {shape.lines.length === 0
                  ? '–'
                  : onRevealLine
                    ? shape.lines.map((line) => (
                        <button key={line} type="button" className="link" onClick={() => onRevealLine(line)} title="Show this line in the editor">
                          line {line}
                        </button>
                      ))
                    : `line ${shape.lines.join(', ')} (before your last edit)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
