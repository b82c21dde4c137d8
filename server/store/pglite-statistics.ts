import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite runs PostgreSQL in single-user mode, without autovacuum, so nothing ever refreshes
 * the planner's statistics: with none, it takes an account's 90,000 payments for a few
 * hundred and sorts them all for one page of 25 (docs/decisions/017-history-filters.md).
 * This does autovacuum's ANALYZE part: a table is analyzed once more than 50 rows plus 10% of
 * it changed since last time (autovacuum_analyze_threshold and _scale_factor's defaults).
 */
const STALE_TABLES = `
  select format('%I.%I', s.schemaname, s.relname) as name
  from pg_stat_user_tables s join pg_class c on c.oid = s.relid
  where s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)`;

/** Analyzes every table whose statistics are stale (see above); answers their names. */
export async function analyzeStaleTables(client: PGlite): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(STALE_TABLES);
  for (const { name } of rows) await client.exec(`analyze ${name}`);
  return rows.map((row) => row.name);
}

/** Checks now and then every `everyMs`; answers the function that stops it (and waits). */
export function keepStatisticsFresh(
  client: PGlite,
  everyMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const check = () => {
    running = analyzeStaleTables(client).catch(onError);
  };
  check();
  const timer = setInterval(check, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
