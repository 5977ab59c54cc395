/**
 * Holds back Monaco's TypeScript worker (about 5 MB of TypeScript to parse) until the page allows
 * it (the playground does once the database is up, the starter measured and no run going): on a
 * 2-core laptop it would otherwise take a core from Postgres booting and slow what is measured.
 * Type errors appear a moment later; nothing else waits for them.
 */
let release: () => void = () => undefined;

/** Settles when type checking may start. */
export const typeCheckingAllowed = new Promise<void>((resolve) => {
  release = resolve;
});

/** Lets the TypeScript worker start (idempotent). */
export function allowTypeChecking(): void {
  release();
}
