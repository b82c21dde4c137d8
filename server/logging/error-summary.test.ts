import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../tests/support/test-database.ts';
import type { Database } from '../store/database.ts';
import { databaseUnavailableReason } from '../store/database-unavailable.ts';
import { accounts } from '../store/schema.ts';
import { errorFields, querySummary } from './error-summary.ts';

const SECRET_EMAIL = 'siti.secret@example.com';
const SEALED = 'v1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB.Q0NDQ0NDQ0M';

function account(id: string) {
  const now = new Date('2026-01-15T03:00:00.000Z');
  return {
    id,
    name: 'Toko',
    email: SECRET_EMAIL,
    apiKeyHash: `hash-${id}`,
    clientId: `cl_${id}`,
    clientSecretSealed: SEALED,
    webhookSecretSealed: SEALED,
    createdAt: now,
    updatedAt: now,
  };
}

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  return work().then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe.each(testBackends())('errorFields of a failed query (%s)', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  it('names the class, SQLSTATE, constraint and table, never the parameters or values', async () => {
    const id = `acct-${backend}-${Date.now()}`;
    await database.db.insert(accounts).values(account(id));
    const error = await failureOf(() => database.db.insert(accounts).values(account(id)));
    // What the driver says carries the values (this is what used to be logged).
    expect(String((error as Error).message)).toContain(SEALED);

    const fields = errorFields(error, { stack: true });
    expect(fields).toMatchObject({
      error: expect.stringMatching(/Error$/),
      sqlstate: '23505',
      constraint: 'accounts_pkey',
      query: 'insert accounts',
    });
    const text = JSON.stringify(fields);
    for (const value of [SEALED, SECRET_EMAIL, id, 'params']) expect(text).not.toContain(value);
    expect(databaseUnavailableReason(error)).toBeNull();
  });
});

describe('databaseUnavailableReason: what counts as an outage (SPEC §9 "Outages")', () => {
  it('a refused connection to PostgreSQL', async () => {
    // A port that was just free: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const pool = new pg.Pool({ connectionString: `postgres://x@127.0.0.1:${port}/x` });
    const error = await failureOf(() => pool.query('select 1'));
    await pool.end();
    expect(databaseUnavailableReason(error)).toBe('ECONNREFUSED');
  });

  it('a closed embedded database', async () => {
    const database = await openTestDatabase('pglite');
    await database.close();
    const error = await failureOf(() => database.db.select().from(accounts));
    expect(databaseUnavailableReason(error)).toBe('pglite closed');
  });

  it.each([
    ['57P01', 'admin shutdown'],
    ['57P03', 'cannot connect now'],
    ['08006', 'connection failure'],
    ['53300', 'too many connections'],
    ['55000', 'database not accepting connections'],
    ['3D000', 'database dropped'],
  ])('SQLSTATE %s (%s), also when wrapped in a failed query', (code) => {
    const server = Object.assign(new Error('from the server'), { code, severity: 'FATAL' });
    expect(databaseUnavailableReason(server)).toBe(code);
    const wrapped = Object.assign(new Error('Failed query: select 1\nparams: '), {
      query: 'select 1',
      cause: server,
    });
    expect(databaseUnavailableReason(wrapped)).toBe(code);
  });

  it.each([
    'Connection terminated unexpectedly',
    'timeout exceeded when trying to connect',
    'Connection terminated due to connection timeout',
  ])('the driver saying %j', (message) => {
    expect(databaseUnavailableReason(new Error(message))).not.toBeNull();
  });

  it.each([
    ['23505', 'unique violation'],
    ['42703', 'undefined column'],
    ['22P02', 'invalid text'],
    ['40001', 'serialization failure'],
  ])('not SQLSTATE %s (%s): that query is wrong, the database is there', (code) => {
    const error = Object.assign(new Error('x'), { code, severity: 'ERROR' });
    expect(databaseUnavailableReason(error)).toBeNull();
    expect(databaseUnavailableReason(new TypeError('x is undefined'))).toBeNull();
  });
});

describe('querySummary', () => {
  it.each([
    ['select "id", "reff_no" from "payment_links" where "public_id" = $1', 'select payment_links'],
    ['insert into "accounts" ("id") values ($1)', 'insert accounts'],
    ['update "payments" set "status" = $1', 'update payments'],
    ['delete from "payment_links" where "id" = $1', 'delete payment_links'],
    ["select 'PL2026' as x", 'select'],
  ])('%s → %s', (sql, summary) => {
    expect(querySummary(sql)).toBe(summary);
  });
});
