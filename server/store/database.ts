/// <reference types="vite/client" />
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Logger } from '../logger.ts';
import { errorFields } from '../logging/error-summary.ts';
import { databaseUnavailableReason } from './database-unavailable.ts';
import { pgliteOptions } from './pglite-settings.ts';
import { keepStatisticsFresh } from './pglite-statistics.ts';
import { findPgliteTemplate, seedPgliteDataDir } from './pglite-template.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** One type for both drivers: the same queries run on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded engine itself (for LISTEN), when the store is PGlite. */
  pglite?: PGlite;
  /** Where the PostgreSQL server is (for the LISTEN connection), when the store is one. */
  databaseUrl?: string;
  close: () => Promise<void>;
};

export type DatabaseOptions =
  { databaseUrl: string } | { dataDir: string } | { memory: true; loadDataDir?: Blob };

/**
 * Opens the embedded PGlite store or a PostgreSQL pool, and brings its schema up to date.
 * `log` hears of pooled connections lost while idle (the pool replaces them on demand).
 */
export async function openDatabase(
  options: DatabaseOptions,
  log?: Pick<Logger, 'warn'>,
): Promise<Database> {
  const database = await connect(options, log);
  try {
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { pglite } = database;
  if (!pglite) return database;
  const stop = keepStatisticsFresh(pglite, STATISTICS_CHECK_MS, (error) =>
    log?.warn('pglite analyze failed', errorFields(error)),
  );
  return { ...database, close: () => stop().then(database.close) };
}

/** How often the embedded store looks for tables whose planner statistics went stale. */
const STATISTICS_CHECK_MS = 60_000;

async function connect(options: DatabaseOptions, log?: Pick<Logger, 'warn'>): Promise<Database> {
  if ('databaseUrl' in options) {
    // A database that cannot be reached fails a request after 10 s (503) instead of holding it.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 10_000,
    });
    // An idle client's connection error would otherwise crash the process.
    pool.on('error', (error) =>
      log?.warn('idle database connection lost', {
        reason: databaseUnavailableReason(error) ?? error.name,
      }),
    );
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, kind: 'postgres', databaseUrl: options.databaseUrl, close: () => pool.end() };
  }
  let client: PGlite;
  if ('dataDir' in options) {
    await mkdir(options.dataDir, { recursive: true });
    const pgdata = `${options.dataDir}/pglite`;
    const template = findPgliteTemplate(import.meta.url);
    if (template) await seedPgliteDataDir(pgdata, template);
    client = await PGlite.create(pgdata, pgliteOptions());
  } else {
    client = await PGlite.create(
      pgliteOptions(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    );
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** Migrations written by drizzle-kit (server/store/migrations), bundled into the server. */
const MIGRATIONS: Record<string, string> = import.meta.glob('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Lock id for pg_advisory_xact_lock: several processes may start at once on one database. */
const MIGRATION_LOCK = 73_104_242;

/** Applies every migration not yet recorded, in file order, in one locked transaction. */
export async function migrate(db: Db): Promise<void> {
  const files = Object.keys(MIGRATIONS).sort();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(
      sql`create table if not exists paylink_migrations (name text primary key, applied_at timestamptz not null default now())`,
    );
    const applied = await tx.execute<{ name: string }>(sql`select name from paylink_migrations`);
    const done = new Set(rowsOf<{ name: string }>(applied).map((row) => row.name));
    for (const file of files) {
      const name = file.replace(/^.*\//, '');
      if (done.has(name)) continue;
      for (const statement of (MIGRATIONS[file] ?? '').split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into paylink_migrations (name) values (${name})`);
    }
  });
}

/** node-postgres answers `{ rows }`, PGlite answers `{ rows }` too, typed differently. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
