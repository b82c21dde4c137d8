import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeStaleTables } from './pglite-statistics.ts';

describe('analyzeStaleTables (PGlite has no autovacuum)', () => {
  let client: PGlite;
  beforeAll(async () => {
    client = await PGlite.create();
    await client.exec('create table notes (id serial primary key, kind text not null)');
  });
  afterAll(() => client.close());

  /** Writes reach pg_stat_user_tables when the session flushes its counters. */
  const write = async (statement: string) => {
    await client.exec(statement);
    await client.query('select pg_stat_force_next_flush()');
    await client.query('select 1');
  };
  /** How many rows of this kind the planner expects. */
  const estimated = async (kind: string) => {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `explain select * from notes where kind = '${kind}'`,
    );
    return Number(/rows=(\d+)/.exec(rows[0]?.['QUERY PLAN'] ?? '')?.[1]);
  };

  it('analyzes a table once enough of it changed, and then leaves it until it changes again', async () => {
    await write("insert into notes (kind) select 'common' from generate_series(1, 2000)");
    await write("insert into notes (kind) values ('rare')");
    // No statistics: the planner guesses a small share of the rows for any value.
    expect(await estimated('common')).toBeLessThan(100);

    expect(await analyzeStaleTables(client)).toEqual(['public.notes']);
    expect(await estimated('common')).toBeGreaterThan(1900);
    expect(await estimated('rare')).toBe(1);
    expect(await analyzeStaleTables(client)).toEqual([]);

    await write("insert into notes (kind) select 'common' from generate_series(1, 100)");
    expect(await analyzeStaleTables(client)).toEqual([]);
    await write("insert into notes (kind) select 'common' from generate_series(1, 200)");
    expect(await analyzeStaleTables(client)).toEqual(['public.notes']);
  });
});
