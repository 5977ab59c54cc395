/**
 * The Postgres extensions a lesson database needs. `auto_explain` logs the plan of every statement
 * that runs inside a function the learner's query calls, so a function wrapper cannot hide a
 * sequential scan from the plan checks (measure/capture-plans.ts). Every `PGlite.create()` that
 * grades code passes these: `PGlite.create({ extensions: pgliteExtensions })`.
 */
import { auto_explain } from '@electric-sql/pglite/contrib/auto_explain';

/** Pass as `extensions` to `PGlite.create()`. */
export const pgliteExtensions = { auto_explain };
