/**
 * The run-time half of the planner-settings rule (sql/planner-settings.ts reads statements before
 * they run): after a migration and at the end of a pass, any planner setting whose value differs
 * from the server's, and any function that sets one when called, is reported. This catches what
 * no reading of the text can: a name built at run time, `EXECUTE` inside a function.
 */
import type { PGliteInterface } from '@electric-sql/pglite';
import { PLANNER_SETTINGS } from '../sql/planner-settings.ts';

/** The planner settings' values, by name. */
export type PlannerSettings = Map<string, string>;

/** Reads the current value of every planner setting. */
export async function readPlannerSettings(pg: PGliteInterface): Promise<PlannerSettings> {
  const { rows } = await pg.query<{ name: string; setting: string }>('SELECT name, setting FROM pg_settings WHERE name = ANY($1)', [PLANNER_SETTINGS]);
  return new Map(rows.map((row) => [row.name, row.setting]));
}

/** One way the planner's settings differ from the server's. */
export interface PlannerSettingChanged {
  setting: string;
  /** What changed it, in words: "now off (was on)" or "function report(integer) sets it". */
  how: string;
}

/** Settings changed since `server` was read, and functions that change one when they run. */
export async function plannerSettingChanges(pg: PGliteInterface, server: PlannerSettings): Promise<PlannerSettingChanged[]> {
  const changes: PlannerSettingChanged[] = [];
  for (const [name, value] of await readPlannerSettings(pg)) {
    const was = server.get(name);
    if (was !== undefined && was !== value) changes.push({ setting: name, how: `now ${value} (was ${was})` });
  }
  const { rows } = await pg.query<{ fn: string; setting: string }>(
    `SELECT p.oid::regprocedure::text AS fn, split_part(cfg, '=', 1) AS setting
       FROM pg_proc p CROSS JOIN LATERAL unnest(p.proconfig) AS cfg
      WHERE p.proconfig IS NOT NULL AND split_part(cfg, '=', 1) = ANY($1)`,
    [PLANNER_SETTINGS],
  );
  for (const row of rows) changes.push({ setting: row.setting, how: `function ${row.fn} sets it when called` });
  return changes;
}
