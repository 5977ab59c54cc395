/**
 * Loads Monaco on demand, with only TypeScript and SQL, after the lesson prose is on screen.
 * The TypeScript service runs in its own worker, started when a TypeScript model first needs it
 * and the page allows it (see type-check-gate.ts).
 */
import * as monaco from 'monaco-editor/editor';
import { typescriptDefaults, ModuleKind, ScriptTarget, ModuleResolutionKind } from 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/pgsql/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { FASTPATH_TYPES, LRU_CACHE_TYPES } from './editor-types.ts';
import { typeCheckingAllowed } from './type-check-gate.ts';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === 'typescript' || label === 'javascript' ? typeCheckingAllowed.then(() => new TypeScriptWorker()) : new EditorWorker(),
};

typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ESNext,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  lib: ['es2022'],
});
typescriptDefaults.addExtraLib(FASTPATH_TYPES, 'file:///node_modules/@types/fastpath/index.d.ts');
typescriptDefaults.addExtraLib(LRU_CACHE_TYPES, 'file:///node_modules/@types/lru-cache/index.d.ts');

/**
 * Monaco's dark theme with comments readable at WCAG AA: its own comment green (#608b4e) is 4.2:1 on
 * its background; #6a9955 is 5.0:1. The light theme passes as it is.
 */
export const DARK_THEME = 'fastpath-dark';
monaco.editor.defineTheme(DARK_THEME, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6a9955' }], colors: {} });

export { monaco };
