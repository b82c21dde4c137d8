import { readdir, readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Account } from '../domain/account/account.ts';
import { presentLink } from '../http/api-v1/present-link.ts';
import { createScratchDatabase } from '../../tests/support/scratch-database.ts';
import { type Backend, testBackends } from '../../tests/support/test-database.ts';
import { type Db, migrate } from './database.ts';
import { createPaymentLinkStore } from './payment-link-store.ts';
import { pgliteOptions } from './pglite-settings.ts';
import * as schema from './schema.ts';

const MIGRATIONS = new URL('./migrations/', import.meta.url);
const V2_MIGRATION = '0009_v2_links.sql';
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database of its own, reachable both as raw SQL and as the app's Db. */
async function emptyDatabase(backend: Backend) {
  if (backend === 'pglite') {
    const client = await PGlite.create(pgliteOptions());
    cleanups.push(() => client.close());
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return { db, exec: async (text: string) => void (await client.exec(text)) };
  }
  const scratch = await createScratchDatabase();
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  cleanups.push(async () => {
    await pool.end();
    await scratch.drop();
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return { db, exec: async (text: string) => void (await pool.query(text)) };
}

/** Brings the database to the schema just before the v2.0 links, as the server would have. */
async function migrateToBeforeV2(exec: (text: string) => Promise<void>) {
  await exec(
    'create table paylink_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
  for (const file of files.filter((name) => name < V2_MIGRATION)) {
    const text = await readFile(new URL(file, MIGRATIONS), 'utf8');
    for (const statement of text.split('--> statement-breakpoint'))
      if (statement.trim()) await exec(statement);
    await exec(`insert into paylink_migrations (name) values ('${file}')`);
  }
}

const ACCOUNT: Account = {
  id: '01K7P073Q8RE2A9PQT8Q7MXPN4',
  name: 'Toko Lama',
  clientId: 'c',
  email: null,
  phone: null,
  status: 'active',
  callbackUrl: null,
  inquiryCallbackUrl: null,
  displayName: null,
  logo: null,
  brandColor: null,
  supportEmail: null,
  supportPhone: null,
  createdAt: new Date('2025-10-01T00:00:00Z'),
  updatedAt: new Date('2025-10-01T00:00:00Z'),
};

// The v2.0 migration on a database that already holds links: they keep working, and tell
// which API made them (`source`) from the dialect they were stored with.
describe.each(testBackends())('migration 0009 on a database with links (%s)', (backend) => {
  it('keeps v1.0 and v4 links as they were, with source api v1 and api v4', async () => {
    const { db, exec } = await emptyDatabase(backend);
    await migrateToBeforeV2(exec);
    await exec(`
      insert into accounts (id, name, status, api_key_hash, client_id, client_secret_sealed,
        webhook_secret_sealed, created_at, updated_at)
      values ('${ACCOUNT.id}', 'Toko Lama', 'active', 'h', 'c', 's', 'w', now(), now());
      insert into payment_links (id, account_id, reff_no, public_id, dialect, title,
        required_customer_detail, max_usage, current_usage, status, total_amount,
        redirect_url, created_at, updated_at)
      values
        (1, '${ACCOUNT.id}', 'OLD-1', 'PL20251001070000${'a'.repeat(32)}', 'v1', 'Kaos', true,
         1000, 2, 'open', 20000, 'https://shop.example/back', now(), now()),
        (2, '${ACCOUNT.id}', 'OLD-4', 'PL20251001070000${'b'.repeat(32)}', 'v4', 'Order 4',
         false, 1, 1, 'closed', 10000, null, now(), now());
    `);
    await migrate(db);

    const store = createPaymentLinkStore(db);
    const now = new Date();
    const shown = async (id: number) => {
      const link = await store.findById(ACCOUNT.id, id);
      if (!link) throw new Error(`link ${id} lost`);
      return presentLink(link, ACCOUNT, 'https://pay.example.test', now);
    };
    expect(await shown(1)).toMatchObject({
      source: 'api v1',
      max_usage: 1000,
      current_usage: 2,
      is_unlimited_usage: false,
      required_customer_detail: true,
      required_customer_number: false,
      required_customer_email: false,
      redirect_url: 'https://shop.example/back',
      success_redirect_url: null,
      expired_redirect_url: null,
    });
    expect(await shown(2)).toMatchObject({
      source: 'api v4',
      max_usage: 1,
      status_computed: 'closed',
      is_unlimited_usage: false,
    });
  });
});
