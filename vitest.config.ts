import { defineConfig } from 'vitest/config';
import { PGLITE_NODE_ARGS } from './src/node/v8-crash.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file boots its own PGlite (3-5 s here) and seeds a lesson.
    testTimeout: 60_000,
    // One file at a time: speed checks compare measured query times, and files sharing the two
    // cores slow each other unevenly (an index lesson's solution measured 7.8x instead of 20x).
    fileParallelism: false,
    hookTimeout: 120_000,
    // V8's code-page protection (memory protection keys, on AMD EPYC and Intel Xeon machines like
    // these) can abort Node with "Check failed: jit_page..." when PGlite's WebAssembly is created
    // and freed many times in one process (nodejs/node#64500). Seen here in CI; turned off for
    // the test processes, as for the CLIs in package.json (src/node/v8-crash.ts says more).
    execArgv: PGLITE_NODE_ARGS,
  },
});
