/** Shown when every check passes: the lesson's explanation. */
export function Solved({ explanation }: { explanation: string }) {
  return (
    <section className="solved" aria-label="Solved">
      <h3>Solved: every goal is met</h3>
      <p>{explanation}</p>
    </section>
  );
}
