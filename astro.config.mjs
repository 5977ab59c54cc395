// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { offline } from './src/offline/offline-integration.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // Everything runs in the visitor's browser: the build output is plain files for any static host.
  output: 'static',
  // offline(): writes dist/sw.js, the service worker that keeps the site usable offline.
  integrations: [react(), offline()],
  vite: {
    // Pre-bundling PGlite breaks its wasm/data URLs (the wasm request gets HTML back).
    // The worker's dependencies are found only when a lesson page first loads it; listing them
    // spares a newcomer's first visit a reload ("504 Outdated Optimize Dep") while Vite re-bundles.
    optimizeDeps: { exclude: ['@electric-sql/pglite'], include: ['lru-cache', 'sucrase', 'comlink', 'zod'] },
    // PGlite resolves its files from import.meta.url, which is undefined in an IIFE worker.
    worker: { format: 'es' },
  },
});
