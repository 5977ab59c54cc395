import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shellPaths, snapshotSlug } from '../src/offline/offline-manifest.ts';
import { offlineManifest } from '../src/offline/offline-integration.ts';

describe('what the service worker precaches', () => {
  it('takes every built file but the worker, the snapshots and the benchmark pages, pages by their URL', () => {
    const files = [
      'index.html',
      'lessons/01-n-plus-one/index.html',
      '_astro/pglite-VfT9wtrq.wasm',
      '_astro/editor.api.CqJfjeaI.js',
      'favicon.svg',
      'sw.js',
      'snapshots/manifest.json',
      'snapshots/01-n-plus-one.f7926514838d.tar.gz',
      'bench/naive/index.html',
    ];
    expect(shellPaths(files, 'sw.js')).toEqual(['', '_astro/editor.api.CqJfjeaI.js', '_astro/pglite-VfT9wtrq.wasm', 'favicon.svg', 'lessons/01-n-plus-one/']);
  });

  it('knows a snapshot’s lesson from its name', () => {
    expect(snapshotSlug('http://x/learn/snapshots/02-missing-index.acad154e385a.tar.gz')).toBe('02-missing-index');
    expect(snapshotSlug('snapshots/manifest.json')).toBeUndefined();
  });

  it('versions the build by its files: the same files, the same version; one byte changed, a new one', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'fastpath-offline-'));
    try {
      mkdirSync(join(dist, 'lessons', '01-n-plus-one'), { recursive: true });
      mkdirSync(join(dist, 'snapshots'));
      writeFileSync(join(dist, 'index.html'), '<h1>Fastpath</h1>');
      writeFileSync(join(dist, 'lessons', '01-n-plus-one', 'index.html'), '<h1>Lesson</h1>');
      writeFileSync(join(dist, 'snapshots', 'manifest.json'), JSON.stringify({ '01-n-plus-one': '01-n-plus-one.abc123.tar.gz', gone: 'gone.def456.tar.gz' }));
      const first = await offlineManifest(dist, '_astro', 'code');
      expect(first.manifest).toMatchObject({
        shell: ['', 'lessons/01-n-plus-one/'],
        immutablePrefix: '_astro/',
        // A snapshot without a page (a lesson not built) is left out.
        lessons: [{ page: 'lessons/01-n-plus-one/', snapshot: 'snapshots/01-n-plus-one.abc123.tar.gz' }],
      });
      expect((await offlineManifest(dist, '_astro', 'code')).manifest.version).toBe(first.manifest.version);
      writeFileSync(join(dist, 'index.html'), '<h1>Fastpath!</h1>');
      expect((await offlineManifest(dist, '_astro', 'code')).manifest.version).not.toBe(first.manifest.version);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
