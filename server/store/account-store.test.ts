import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from './database.ts';
import { openTestDatabase, testBackends } from '../../tests/support/test-database.ts';
import type { AccountStore, NewAccount } from '../domain/account/account.ts';
import { createAccountStore } from './account-store.ts';
import { readLogoDataUrl, type LogoImage } from '../domain/account/logo-image.ts';
import { LOGO_FIXTURES, logoDataUrl } from '../../tests/support/logo-fixtures.ts';
import { accountLogos, accounts } from './schema.ts';

function logoOf(type: string, base64: string): LogoImage {
  const read = readLogoDataUrl(logoDataUrl(type, base64));
  if (!read.ok) throw new Error(read.message);
  return read.logo;
}
const PNG = logoOf('image/png', LOGO_FIXTURES.png);
const WEBP = logoOf('image/webp', LOGO_FIXTURES.webpLossy);
const metaOf = ({ bytes: _b, ...meta }: LogoImage) => meta;

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
    displayName: null,
    logo: null,
    brandColor: null,
    supportEmail: null,
    supportPhone: null,
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
  return { ...rest, logo: rest.logo && metaOf(rest.logo) };
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

  it('keeps the branding, and the logo bytes apart from the account row', async () => {
    const account = await insert(
      newAccount({
        displayName: 'Kopi Senja',
        logo: PNG,
        brandColor: '#0b57d0',
        supportEmail: 'bantuan@kopisenja.id',
        supportPhone: '+6281234567890',
      }),
    );
    const found = await store.findById(account.id);
    expect(found).toEqual(publicPart(account));
    expect(found?.logo).toEqual({ type: 'image/png', sha256: PNG.sha256, width: 3, height: 2 });
    expect(JSON.stringify(found)).not.toContain(Buffer.from(PNG.bytes).toString('base64'));
    const logo = await store.findLogo(account.id, PNG.sha256);
    expect(logo?.type).toBe('image/png');
    expect(logo?.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(logo?.bytes ?? [])).toEqual(Buffer.from(PNG.bytes));
  });

  it('updates only the given fields, and answers the account as it now is', async () => {
    const account = await insert(newAccount({ displayName: 'Lama', brandColor: '#111111' }));
    const at = new Date('2026-02-01T00:00:00.000Z');
    const updated = await store.update(account.id, { displayName: 'Baru', email: null }, at);
    expect(updated).toEqual({
      ...publicPart(account),
      displayName: 'Baru',
      email: null,
      updatedAt: at,
    });
    expect(await store.findById(account.id)).toEqual(updated);
  });

  it('replaces the logo (the old hash is no longer found) and removes it with null', async () => {
    const account = await insert(newAccount({ logo: PNG }));
    const at = new Date('2026-02-01T00:00:00.000Z');
    const replaced = await store.update(account.id, { logo: WEBP }, at);
    expect(replaced?.logo).toEqual(metaOf(WEBP));
    expect(await store.findLogo(account.id, PNG.sha256)).toBeNull();
    expect((await store.findLogo(account.id, WEBP.sha256))?.type).toBe('image/webp');

    const removed = await store.update(account.id, { logo: null }, at);
    expect(removed?.logo).toBeNull();
    expect(await store.findLogo(account.id, WEBP.sha256)).toBeNull();
    const rows = await database.db
      .select()
      .from(accountLogos)
      .where(inArray(accountLogos.accountId, [account.id]));
    expect(rows).toEqual([]);
  });

  it('leaves the logo alone when the changes do not name it', async () => {
    const account = await insert(newAccount({ logo: PNG }));
    await store.update(account.id, { brandColor: '#222222' }, new Date());
    expect((await store.findById(account.id))?.logo).toEqual(metaOf(PNG));
    expect(await store.findLogo(account.id, PNG.sha256)).not.toBeNull();
  });

  it('answers null for an update of an account that does not exist, and writes nothing', async () => {
    const missing = '01KNOSUCHACCOUNT0000000000';
    expect(await store.update(missing, { logo: PNG, name: 'x' }, new Date())).toBeNull();
    expect(await store.findLogo(missing, PNG.sha256)).toBeNull();
  });

  it('finds a logo only under its own account', async () => {
    const owner = await insert(newAccount({ logo: PNG }));
    const other = await insert(newAccount());
    expect(await store.findLogo(owner.id, PNG.sha256)).not.toBeNull();
    expect(await store.findLogo(other.id, PNG.sha256)).toBeNull();
  });
});
