/**
 * Flags for a Node process the tests start to run a CLI, as `npm run` scripts give them: V8's
 * code-page protection crashes PGlite's WebAssembly now and then on this kind of machine ("Check
 * failed: jit_page.has_value()", nodejs/node#64500), so it is off wherever PGlite runs.
 */
export const NODE_ARGS = ['--no-memory-protection-keys'];
