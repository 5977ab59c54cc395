/**
 * PGlite's own files (the Postgres wasm and its file-system bundle), fetched by the worker itself
 * so they download while the lesson snapshot does, and the wasm compiles as it streams in. Left to
 * PGlite, they would start only once the snapshot is in.
 */
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
import fsBundleUrl from '@electric-sql/pglite/pglite.data?url';

/** What `PGlite.create()` accepts in place of fetching them itself. */
export interface PGliteAssets {
  pgliteWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not download ${url} (HTTP ${response.status}).`);
  return response;
}

/** Starts both downloads at once; resolves when the wasm is compiled and the bundle is in. */
export async function fetchPGliteAssets(): Promise<PGliteAssets> {
  const [pgliteWasmModule, fsBundle] = await Promise.all([
    WebAssembly.compileStreaming(fetchOk(pgliteWasmUrl)),
    fetchOk(fsBundleUrl).then((response) => response.blob()),
  ]);
  return { pgliteWasmModule, fsBundle };
}
