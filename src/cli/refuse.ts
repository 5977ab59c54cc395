/** How the CLIs refuse invalid input: one line on stderr, exit code 2. */

/**
 * Prints `program: reason` on stderr and exits with code 2 (invalid input: a bad name, a missing
 * file), which scripts can tell from 1 (the lesson or the code failed).
 */
export function refuse(program: string, reason: string): never {
  console.error(`${program}: ${reason}`);
  process.exit(2);
}
