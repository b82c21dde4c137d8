import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from './database.ts';
import { openTestDatabase, testBackends } from '../../tests/support/test-database.ts';
import type { AccountStore, NewAccount } from '../domain/account/account.ts';
import { createAccountStore } from './account-store.ts';
import { accounts } from './schema.ts';

/** A complete account row; ids are random so that runs can share one PostgreSQL database. */
function newAccount(overrides: Partial<NewAccount> = {}): NewAccount {
  const suffix = randomBytes(8).toString('hex');
  return {
    id: `01KTEST${suffix.toUpperCase()}000`,
    name: 'Toko Uji',
    email: 'toko@example.com',
    phone: '08123993201',
    status: 'active',
    callbackUrl: 'https://toko.example.com/hook',
    inquiryCallbackUrl: null,
    clientId: `cl_${suffix}`,
    createdAt: new Date('2026-01-15T03:00:00.123Z'),
    updatedAt: new Date('2026-01-15T04:05:06.789Z'),
    apiKeyHash: randomBytes(32).toString('hex'),
    apiKeySealed: `v1.sealed-api-key-${suffix}`,
    clientSecretSealed: `v1.sealed-client-secret-${suffix}`,
    webhookSecretSealed: `v1.sealed-webhook-secret-${suffix}`,
    ...overrides,
  };
}

function publicPart(account: NewAccount) {
  const {
    apiKeyHash: _h,
    apiKeySealed: _k,
    clientSecretSealed: _c,
    webhookSecretSealed: _w,
    ...rest
  } = account;
  return rest;
}

describe.each(testBackends())('account store on %s', (backend) => {
  let database: Database;
  let store: AccountStore;
  const inserted: string[] = [];

  const insert = async (account: NewAccount) => {
    inserted.push(account.id);
    await store.insert(account);
    return account;
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    store = createAccountStore(database.db);
  });
  afterAll(async () => {
    if (inserted.length > 0)
      await database.db.delete(accounts).where(inArray(accounts.id, inserted));
    await database.close();
  });

  it('finds an inserted account by id, without its credentials', async () => {
    const account = await insert(newAccount());
    const found = await store.findById(account.id);
    expect(found).toEqual(publicPart(account));
    expect(found).not.toHaveProperty('apiKeyHash');
    expect(found).not.toHaveProperty('clientSecretSealed');
    expect(found).not.toHaveProperty('webhookSecretSealed');
  });

  it('finds the account with its credentials by client id and by id', async () => {
    const account = await insert(newAccount());
    expect(await store.findCredentialsByClientId(account.clientId)).toEqual(account);
    expect(await store.findCredentialsById(account.id)).toEqual(account);
  });

  it('reads back nulls and exact instants', async () => {
    const account = await insert(
      newAccount({
        email: null,
        phone: null,
        callbackUrl: null,
        inquiryCallbackUrl: 'https://x.example.com/i',
      }),
    );
    const found = await store.findById(account.id);
    expect(found).toMatchObject({
      email: null,
      phone: null,
      callbackUrl: null,
      inquiryCallbackUrl: 'https://x.example.com/i',
    });
    expect(found?.createdAt).toBeInstanceOf(Date);
    expect(found?.createdAt.toISOString()).toBe('2026-01-15T03:00:00.123Z');
    expect(found?.updatedAt.toISOString()).toBe('2026-01-15T04:05:06.789Z');
  });

  it('answers null for what does not exist', async () => {
    expect(await store.findById('01KNOSUCHACCOUNT0000000000')).toBeNull();
    expect(await store.findCredentialsById('01KNOSUCHACCOUNT0000000000')).toBeNull();
    expect(await store.findCredentialsByClientId('cl_no_such_client')).toBeNull();
  });

  it('matches the client id exactly', async () => {
    const account = await insert(newAccount());
    expect(await store.findCredentialsByClientId(account.clientId.toUpperCase())).toBeNull();
    expect(await store.findCredentialsByClientId(`${account.clientId} `)).toBeNull();
    expect(await store.findCredentialsByClientId(account.clientId.slice(0, -1))).toBeNull();
  });

  it('refuses a second account with the same client_id, and keeps the first', async () => {
    const first = await insert(newAccount());
    const clash = newAccount({ clientId: first.clientId, name: 'Penyusup' });
    await expect(insert(clash)).rejects.toThrow();
    expect(await store.findById(clash.id)).toBeNull();
    expect(await store.findCredentialsByClientId(first.clientId)).toEqual(first);
  });

  it('refuses a second account with the same api_key hash or id', async () => {
    const first = await insert(newAccount());
    await expect(insert(newAccount({ apiKeyHash: first.apiKeyHash }))).rejects.toThrow();
    await expect(insert(newAccount({ id: first.id }))).rejects.toThrow();
    expect(await store.findById(first.id)).toEqual(publicPart(first));
  });

  it('reads back a suspended account as suspended', async () => {
    const account = await insert(newAccount({ status: 'suspended' }));
    expect((await store.findById(account.id))?.status).toBe('suspended');
    expect((await store.findCredentialsByClientId(account.clientId))?.status).toBe('suspended');
  });

  it('fails loudly on a stored status it does not know', async () => {
    const account = await insert(newAccount());
    await database.db.execute(sql`update accounts set status = 'frozen' where id = ${account.id}`);
    await expect(store.findById(account.id)).rejects.toThrow(/status.*frozen/);
    await expect(store.findCredentialsById(account.id)).rejects.toThrow(/status.*frozen/);
    await expect(store.findCredentialsByClientId(account.clientId)).rejects.toThrow(
      /status.*frozen/,
    );
  });
});
