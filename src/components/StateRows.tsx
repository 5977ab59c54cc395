/**
 * Rows of checked state (one side of a difference) as a small table: each row comes as canonical
 * JSON, so rows of a table become columns again; anything else is shown as its text.
 */

/** The rows as objects, or undefined when one of them is not a JSON object. */
function asObjects(rows: string[]): Record<string, unknown>[] | undefined {
  try {
    const parsed: unknown[] = rows.map((row) => JSON.parse(row));
    return parsed.every((row) => row !== null && typeof row === 'object' && !Array.isArray(row)) ? (parsed as Record<string, unknown>[]) : undefined;
  } catch {
    return undefined;
  }
}

const cell = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One side of a state difference under its title; "none" when that side has no rows. */
export function StateRows({ title, rows }: { title: string; rows: unknown }) {
  const texts = Array.isArray(rows) ? rows.map(String) : [];
  const objects = asObjects(texts);
  const columns = objects ? [...new Set(objects.flatMap((row) => Object.keys(row)))] : [];
  return (
    <div>
      <h4>{title}</h4>
      {texts.length === 0 ? (
        <p>None.</p>
      ) : objects ? (
        <div className="state-rows">
          <table>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {objects.map((row, index) => (
                <tr key={index}>
                  {columns.map((column) => (
                    <td key={column}>{column in row ? cell(row[column]) : ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <pre>{texts.join('\n')}</pre>
      )}
    </div>
  );
}
