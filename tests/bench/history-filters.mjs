// `npm run bench:histories`: how long one page of the histories list takes at 100,000 payments,
// for the slowest filters and sorts of SPEC §3.4, on an in-memory PGlite and (with
// TEST_DATABASE_URL or --postgres-url) on a scratch PostgreSQL database, created and dropped
// here. Times the store's own listByAccount (the page and its count): median and fastest of
// --runs (default 5) after one warm-up. After seeding, statistics are refreshed as they would
// be in use: PGlite by the server's own check (pglite-statistics.ts), PostgreSQL by what
// autovacuum does; --stale-statistics skips that. --explain prints each plan; --without
// <migration file> leaves one migration out, to compare; --only <text> times the cases whose
// name contains it; --payments <n> seeds another count.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import {
  matchMethodName,
  paymentListQuery,
} from '../../server/domain/payment/payment-list-query.ts';
import { createCatalog } from '../../server/domain/payment-method/catalog.ts';
import { paymentListStatements } from '../../server/store/payment-list-sql.ts';
import { createPaymentStore } from '../../server/store/payment-store.ts';
import { pgliteOptions } from '../../server/store/pglite-settings.ts';
import { analyzeStaleTables } from '../../server/store/pglite-statistics.ts';
import * as schema from '../../server/store/schema.ts';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { seedPayments } from './history-seed.mjs';

const { values: args } = parseArgs({
  options: {
    payments: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    backend: { type: 'string', default: 'both' },
    'postgres-url': { type: 'string', default: process.env.TEST_DATABASE_URL ?? '' },
    without: { type: 'string', multiple: true, default: [] },
    explain: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
    'stale-statistics': { type: 'boolean', default: false },
  },
});

const migrationsDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../server/store/migrations',
);
const NOW = new Date('2026-01-15T03:00:00Z');
const ACCOUNT = 'bench-account-a';
const OTHER = `${ACCOUNT}-other`;
const catalog = createCatalog();

/** The migrations as the server applies them (server/store/database.ts), minus --without. */
async function migrate(db) {
  const files = readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql') && !args.without.includes(file))
    .sort();
  for (const file of files) {
    const text = readFileSync(join(migrationsDir, file), 'utf8');
    for (const statement of text.split('--> statement-breakpoint')) {
      if (statement.trim()) await db.execute(sql.raw(statement));
    }
  }
  return files;
}

/** The cases timed: a name and the query (SPEC §3.4 names in the comments). */
function cases(sample) {
  const q = (over) => paymentListQuery(NOW, over);
  const week = (from) => ({ from: new Date(from), before: new Date(Date.parse(from) + 7 * 864e5) });
  return [
    ['no filter, page 1', q({})],
    ['no filter, page 400 (offset 9,975)', q({ page: 400 })],
    ['reff_no partial, 1 match', q({ reffNo: sample.reffNo.slice(4, 14).toLowerCase() })],
    ['reff_no partial, no match', q({ reffNo: 'ZZZZZZZZ' })],
    ['payment_method_value partial, 1 match', q({ methodValue: sample.methodValue.slice(-9) })],
    ['payment_method_name=VA BRI', q({ methodName: matchMethodName(catalog.all, 'VA BRI') })],
    ['status=pending', q({ status: 'pending' })],
    ['status=paid', q({ status: 'paid' })],
    ['has_settle=false', q({ hasSettle: false })],
    ['amount exact', q({ amount: { min: sample.amount, max: sample.amount } })],
    ['amount_min/max, narrow', q({ amount: { min: 1_000_000, max: 1_010_000 } })],
    ['created_at one week', q({ createdAt: week('2025-09-01T00:00:00Z') })],
    ['payment_date one week', q({ paidAt: week('2025-09-01T00:00:00Z') })],
    ['settle_at one week', q({ settledAt: week('2025-09-01T00:00:00Z') })],
    ['sort amount asc, page 1', q({ sortBy: 'amount', sortOrder: 'asc' })],
    ['sort amount desc, page 100', q({ sortBy: 'amount', page: 100 })],
    ['sort payment_date desc, page 1', q({ sortBy: 'payment_date' })],
    ['sort payment_date asc, page 1', q({ sortBy: 'payment_date', sortOrder: 'asc' })],
    ['sort created_at asc, page 1', q({ sortBy: 'created_at', sortOrder: 'asc' })],
    [
      'settled, amount range, payment_date one week, sort amount',
      q({
        status: 'settled',
        amount: { min: 100_000, max: 2_000_000 },
        paidAt: week('2025-09-01T00:00:00Z'),
        sortBy: 'amount',
      }),
    ],
    [
      'link + status=paid, sort payment_date asc',
      q({ linkId: sample.linkId, status: 'paid', sortBy: 'payment_date', sortOrder: 'asc' }),
    ],
    ['small account (10,000): no filter, page 1', q({}), OTHER],
    ['small account (10,000): sort id asc, page 1', q({ sortOrder: 'asc' }), OTHER],
    ['small account (10,000): sort payment_date desc', q({ sortBy: 'payment_date' }), OTHER],
  ];
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function explain(db, account, query) {
  const lines = [];
  for (const built of Object.values(paymentListStatements(db, account, query))) {
    const result = await db.execute(sql`explain (analyze, costs off) ${built.getSQL()}`);
    lines.push(result.rows.map((row) => `      ${row['QUERY PLAN']}`).join('\n'));
  }
  return lines.join('\n      --\n');
}

async function measure(name, db, refreshStatistics) {
  const files = await migrate(db);
  console.log(`\n${name}: migrations ${files.at(0)} … ${files.at(-1)} (${files.length})`);
  const started = performance.now();
  const sample = await seedPayments(db, { payments: Number(args.payments), account: ACCOUNT });
  console.log(
    `  seeded ${args.payments} payments in ${Math.round(performance.now() - started)} ms`,
  );
  if (!args['stale-statistics']) {
    const analyzing = performance.now();
    await refreshStatistics();
    console.log(`  statistics refreshed in ${Math.round(performance.now() - analyzing)} ms`);
  }
  const store = createPaymentStore(db);
  const results = [];
  const chosen = cases(sample).filter(([label]) => label.includes(args.only));
  for (const [label, query, account = ACCOUNT] of chosen) {
    const times = [];
    let page;
    for (let run = 0; run <= Number(args.runs); run += 1) {
      const start = performance.now();
      page = await store.listByAccount(account, query);
      if (run > 0) times.push(performance.now() - start);
    }
    const [ms, fastest] = [median(times), Math.min(...times)];
    results.push({ label, ms, fastest, total: page.total });
    const figures = `${ms.toFixed(1).padStart(7)} ms (min ${fastest.toFixed(1).padStart(6)})`;
    console.log(`  ${figures}  ${label}: ${page.total} match`);
    if (args.explain) console.log(await explain(db, account, query));
  }
  return results;
}

async function onPglite() {
  const client = await PGlite.create(pgliteOptions());
  try {
    // What the server's own check (pglite-statistics.ts) does within a minute of the writes.
    const refresh = async () => {
      await client.query('select pg_stat_force_next_flush()');
      await client.query('select 1');
      console.log(`  analyzed ${(await analyzeStaleTables(client)).join(', ')}`);
    };
    return await measure('PGlite', drizzlePglite({ client, schema }), refresh);
  } finally {
    await client.close();
  }
}

async function onPostgres() {
  const scratch = await createScratchDatabase(args['postgres-url']);
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  // Dropping the scratch database ends idle connections: not an error of the bench.
  pool.on('error', () => {});
  try {
    // What autovacuum does soon after a bulk insert.
    const refresh = () => pool.query('vacuum analyze payments');
    return await measure('PostgreSQL', drizzlePg({ client: pool, schema }), refresh);
  } finally {
    await pool.end();
    await scratch.drop();
  }
}

if (args.backend !== 'postgres') await onPglite();
if (args.backend !== 'pglite') {
  if (args['postgres-url']) await onPostgres();
  else console.log('\nPostgreSQL: skipped (set TEST_DATABASE_URL or --postgres-url)');
}
