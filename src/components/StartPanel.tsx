/**
 * Before an embedded exercise's database runs: a Start button (nothing boots until the learner or
 * the host page asks), or Resume once it was paused for another exercise on the page.
 */
export function StartPanel({ paused, onStart }: { paused: boolean; onStart: () => void }) {
  return (
    <div className="boot-status">
      <p role="status">
        {paused
          ? 'Paused: another exercise on this page is using the database. Your code is kept.'
          : 'This exercise runs a real PostgreSQL in your browser once started.'}
      </p>
      <button type="button" className="primary" onClick={onStart}>
        {paused ? 'Resume' : 'Start the exercise'}
      </button>
    </div>
  );
}
