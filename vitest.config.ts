import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file boots its own PGlite (3-5 s here) and seeds a lesson.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
