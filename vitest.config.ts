import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file boots its own PGlite (3-5 s here) and seeds a lesson.
    testTimeout: 60_000,
    // One file at a time: speed checks compare measured query times, and files sharing the two
    // cores slow each other unevenly (an index lesson's solution measured 7.8x instead of 20x).
    fileParallelism: false,
    hookTimeout: 120_000,
  },
});
