import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiAnswer, expectFailure, expectInvalid } from '../../../tests/support/link-api.ts';
import {
  createTestPaylink,
  TEST_ADMIN_TOKEN,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';
import { toWibDate } from '../../domain/shared/jakarta-time.ts';
import { createLogger } from '../../logger.ts';
import { hmacSha512Hex } from '../../security/digest.ts';
import { rowsOf } from '../../store/database.ts';
import { accounts } from '../../store/schema.ts';

let t: TestPaylink;

beforeAll(async () => {
  t = await createTestPaylink();
});
afterAll(() => t.close());

const ADMIN = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };
const VALID = { name: 'Toko Kopi Senja', email: 'halo@kopisenja.id', phone: '08123993201' };

/** POST /api/admin/accounts; a string body is sent as is. */
async function postAccount(
  app: TestPaylink['app'],
  body: unknown,
  headers: Record<string, string> = ADMIN,
): Promise<ApiAnswer> {
  const response = await app.request('/api/admin/accounts', {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

async function countAccounts(): Promise<number> {
  const result = await t.db.execute(sql`select count(*)::int as n from accounts`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? -1;
}

/** Crockford base32 time part of a ULID → milliseconds. */
function ulidTime(id: string): number {
  return [...id.slice(0, 10)].reduce(
    (ms, char) => ms * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(char),
    0,
  );
}

describe('POST /api/admin/accounts: happy', () => {
  it('answers 201 with the account and its credentials, as SPEC §9 shows', async () => {
    const created = await postAccount(t.app, {
      ...VALID,
      callback_url: 'https://kopisenja.id/hooks/paylink',
      inquiry_callback_url: 'https://kopisenja.id/hooks/inquiry',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    const { data } = created.body;
    expect(created.body).toEqual({ status: 201, success: true, data: expect.any(Object) });
    expect(Object.keys(data).sort()).toEqual([
      'account',
      'api_key',
      'client_id',
      'client_secret',
      'webhook_secret',
    ]);
    expect(data.account).toEqual({
      id: expect.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
      name: 'Toko Kopi Senja',
      email: 'halo@kopisenja.id',
      phone: '08123993201',
      status: 'active',
      callback_url: 'https://kopisenja.id/hooks/paylink',
      inquiry_callback_url: 'https://kopisenja.id/hooks/inquiry',
      display_name: null,
      logo_url: null,
      brand_color: null,
      brand_color_applied: false,
      support_email: null,
      support_phone: null,
    });
    expect(ulidTime(data.account.id)).toBe(t.clock.now().getTime());
    for (const field of ['api_key', 'client_id', 'client_secret']) {
      expect(data[field]).toMatch(/^[a-z]+_[0-9a-f]{24,}$/);
    }
    expect(new Set([data.api_key, data.client_id, data.client_secret]).size).toBe(3);
    expect(data.webhook_secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // Standard Webhooks: whsec_ + base64 of the key bytes (at least 24 bytes).
    expect(Buffer.from(data.webhook_secret.slice(6), 'base64')).toHaveLength(32);
  });

  it('stores what it answered: the account reads back through the store', async () => {
    const created = await postAccount(t.app, VALID);
    const stored = await t.deps.accounts.findById(created.body.data.account.id);
    expect(stored).toMatchObject({
      id: created.body.data.account.id,
      name: VALID.name,
      status: 'active',
      clientId: created.body.data.client_id,
      createdAt: t.clock.now(),
    });
  });

  it('needs only a name: the other fields answer null', async () => {
    const created = await postAccount(t.app, { name: '  Warung Bu Tini  ' });
    expect(created.status).toBe(201);
    expect(created.body.data.account).toMatchObject({
      name: 'Warung Bu Tini',
      email: null,
      phone: null,
      callback_url: null,
      inquiry_callback_url: null,
    });
  });

  it('accepts explicit nulls and http callbacks on loopback hosts', async () => {
    const created = await postAccount(t.app, {
      name: 'Dev',
      email: null,
      phone: null,
      callback_url: 'http://localhost:8080/hook',
      inquiry_callback_url: 'http://127.0.0.1/inquiry',
    });
    expect(created.status).toBe(201);
    expect(created.body.data.account.callback_url).toBe('http://localhost:8080/hook');
  });

  it('gives every account its own id and credentials', async () => {
    const [a, b] = await Promise.all([postAccount(t.app, VALID), postAccount(t.app, VALID)]);
    expect(a?.status).toBe(201);
    expect(b?.status).toBe(201);
    for (const field of ['api_key', 'client_id', 'client_secret', 'webhook_secret']) {
      expect(a?.body.data[field]).not.toBe(b?.body.data[field]);
    }
    expect(a?.body.data.account.id).not.toBe(b?.body.data.account.id);
  });

  it('accepts the scheme name in any case (RFC 9110 §11.1)', async () => {
    const created = await postAccount(t.app, VALID, {
      ...ADMIN,
      authorization: `bearer ${TEST_ADMIN_TOKEN}`,
    });
    expect(created.status).toBe(201);
  });
});

describe('POST /api/admin/accounts: admin token', () => {
  it.each([
    ['no Authorization', {}],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['a wrong token', { authorization: 'Bearer wrong-admin-token-0123456789' }],
    ['a prefix of the token', { authorization: `Bearer ${TEST_ADMIN_TOKEN.slice(0, -1)}` }],
    ['the token and more', { authorization: `Bearer ${TEST_ADMIN_TOKEN}x` }],
    ['the token in another case', { authorization: `Bearer ${TEST_ADMIN_TOKEN.toUpperCase()}` }],
    [
      'the token as Basic',
      { authorization: `Basic ${Buffer.from(`admin:${TEST_ADMIN_TOKEN}`).toString('base64')}` },
    ],
    ['the bare token', { authorization: TEST_ADMIN_TOKEN }],
    ['the token as X-PARTNER-ID', { 'x-partner-id': TEST_ADMIN_TOKEN }],
  ])('refuses %s with 401 and creates nothing', async (_name, headers) => {
    const before = await countAccounts();
    const answer = await postAccount(t.app, VALID, {
      'content-type': 'application/json',
      ...headers,
    });
    expectFailure(answer, 401, 'UNAUTHENTICATED');
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer(\s|$)/);
    expect(await countAccounts()).toBe(before);
  });

  it('checks the token before the body: a bad body without the token is a 401', async () => {
    expectFailure(
      await postAccount(t.app, '{not json', { 'content-type': 'application/json' }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('POST /api/admin/accounts: without ADMIN_TOKEN', () => {
  let off: TestPaylink;
  beforeAll(async () => {
    off = await createTestPaylink({ env: { ADMIN_TOKEN: '' } });
  });
  afterAll(() => off.close());

  it('reads an empty ADMIN_TOKEN as unset', () => {
    expect(off.deps.config.ADMIN_TOKEN).toBeUndefined();
  });

  it.each([
    ['the test token', { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['no Authorization', {}],
  ])('is absent (404) whatever is sent: %s', async (_name, headers) => {
    const answer = await postAccount(off.app, VALID, {
      'content-type': 'application/json',
      ...headers,
    });
    expectFailure(answer, 404, 'ADMIN_DISABLED');
    const count = await off.db.execute(sql`select count(*)::int as n from accounts`);
    expect(rowsOf<{ n: number }>(count)[0]?.n).toBe(0);
  });
});

describe('POST /api/admin/accounts: invalid input', () => {
  it.each([
    ['a missing name', { email: 'a@b.co' }, ['name']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a name that is not a string', { name: 42 }, ['name']],
    ['a name of 256 characters', { name: 'x'.repeat(256) }, ['name']],
    ['a bad email', { name: 'Toko', email: 'not-an-email' }, ['email']],
    ['a bad phone', { name: 'Toko', phone: 'call me' }, ['phone']],
    [
      'a javascript: callback_url',
      { name: 'Toko', callback_url: 'javascript:alert(1)' },
      ['callback_url'],
    ],
    [
      'an http callback_url off loopback',
      { name: 'Toko', callback_url: 'http://example.com/hook' },
      ['callback_url'],
    ],
    [
      'a callback_url with user-info',
      { name: 'Toko', callback_url: 'https://user:pw@x.com/hook' },
      ['callback_url'],
    ],
    ['a relative callback_url', { name: 'Toko', callback_url: '/hook' }, ['callback_url']],
    [
      'a callback_url over 2048 characters',
      { name: 'Toko', callback_url: `https://x.com/${'a'.repeat(2040)}` },
      ['callback_url'],
    ],
    [
      'a bad inquiry_callback_url',
      { name: 'Toko', inquiry_callback_url: 'ftp://x.com/' },
      ['inquiry_callback_url'],
    ],
    [
      'everything wrong at once',
      {
        email: 'x@',
        phone: '12',
        callback_url: 'javascript:alert(1)',
        inquiry_callback_url: 'http://example.com',
      },
      ['name', 'email', 'phone', 'callback_url', 'inquiry_callback_url'],
    ],
  ])('answers 422 naming each bad field: %s', async (_name, body, fields) => {
    const before = await countAccounts();
    expectInvalid(await postAccount(t.app, body), ...fields);
    expect(await countAccounts()).toBe(before);
  });

  it.each([['[]'], ['null'], ['"name"'], ['42']])(
    'answers 422 for a JSON body that is not an object: %s',
    async (body) => {
      const answer = await postAccount(t.app, body);
      expectFailure(answer, 422, 'VALIDATION_FAILED');
    },
  );

  it.each([['{"name": "Toko",'], ['{name: "Toko"}'], ["{'name': 'Toko'}"]])(
    'answers 400 for malformed JSON: %s',
    async (body) => {
      expectFailure(await postAccount(t.app, body), 400, 'MALFORMED_BODY');
    },
  );

  it('answers 415 for a body that is not JSON', async () => {
    const answer = await postAccount(t.app, 'name=Toko', {
      ...ADMIN,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectFailure(answer, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 for a body above 64 KiB, announced or not', async () => {
    const big = JSON.stringify({ ...VALID, padding: 'x'.repeat(64 * 1024) });
    expectFailure(await postAccount(t.app, big), 413, 'PAYLOAD_TOO_LARGE');
    const announced = await postAccount(t.app, big, {
      ...ADMIN,
      'content-length': String(Buffer.byteLength(big)),
    });
    expectFailure(announced, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('reads a body just under 64 KiB', async () => {
    const body = JSON.stringify(VALID);
    const padded = `${body.slice(0, -1)}${' '.repeat(64 * 1024 - body.length)}}`;
    expect(Buffer.byteLength(padded)).toBe(64 * 1024);
    expect((await postAccount(t.app, padded)).status).toBe(201);
  });
});

describe('POST /api/admin/accounts: secrets at rest', () => {
  it('stores no credential in the clear, only a hash and sealed values', async () => {
    const created = await postAccount(t.app, VALID);
    const { account, api_key, client_secret, webhook_secret } = created.body.data;
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row).toBeDefined();
    const stored = JSON.stringify(row);
    const secrets = [api_key, client_secret, webhook_secret];
    // The random parts too, in every encoding they could have been written in.
    const randomParts = secrets.map((secret: string) => secret.replace(/^[a-z]+_/, ''));
    const webhookKey = Buffer.from(webhook_secret.slice(6), 'base64');
    for (const value of [
      ...secrets,
      ...randomParts,
      webhookKey.toString('hex'),
      webhookKey.toString('base64url'),
    ]) {
      expect(stored).not.toContain(value);
    }
    expect(stored).toContain(created.body.data.client_id);
    // Sealed, not lost: the server can still use its HMAC keys.
    expect(t.deps.secretBox.open(row?.clientSecretSealed ?? '')).toBe(client_secret);
    expect(t.deps.secretBox.open(row?.webhookSecretSealed ?? '')).toBe(webhook_secret);
  });

  it('never answers a secret again: the stored account has no secret fields', async () => {
    const created = await postAccount(t.app, VALID);
    const found = await t.deps.accounts.findById(created.body.data.account.id);
    const text = JSON.stringify(found);
    for (const field of ['api_key', 'client_secret', 'webhook_secret']) {
      expect(text).not.toContain(created.body.data[field]);
    }
    for (const field of ['apiKeyHash', 'clientSecretSealed', 'webhookSecretSealed']) {
      expect(found).not.toHaveProperty(field);
    }
  });
});

describe('secrets in logs', () => {
  it('logs no secret while creating an account, taking tokens and failing authentication', async () => {
    const lines: string[] = [];
    const originalLog = t.deps.log;
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
      vi
        .spyOn(console, name)
        .mockImplementation((...args: unknown[]) =>
          lines.push(`console.${name} ${args.join(' ')}`),
        ),
    );
    t.deps.log = createLogger('debug', { write: (line) => lines.push(line) });
    try {
      const created = await postAccount(t.app, VALID);
      const { api_key, client_id, client_secret, webhook_secret } = created.body.data;
      const basic = Buffer.from(`${client_id}:${client_secret}`).toString('base64');
      const token = async (path: string, headers: Record<string, string>) => {
        const response = await t.app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ grant_type: 'client_credentials' }),
        });
        return { status: response.status, body: (await response.json()) as any };
      };
      const v10 = await token('/api/v1.0/access-token/b2b', {
        'x-partner-id': api_key,
        authorization: `Basic ${basic}`,
      });
      expect(v10.status).toBe(200);
      const signature = hmacSha512Hex(
        client_secret,
        `${client_id}_${client_secret}_${toWibDate(t.clock.now())}`,
      );
      const v11 = await token('/api/v1.1/access-token/b2b', {
        'x-partner-id': api_key,
        'x-client-id': client_id,
        'x-signature': signature,
      });
      expect(v11.status).toBe(200);
      const wrongSecret = Buffer.from(`${client_id}:${client_secret}x`).toString('base64');
      const refusals = [
        await token('/api/v1.0/access-token/b2b', {
          'x-partner-id': api_key,
          authorization: `Basic ${wrongSecret}`,
        }),
        await token('/api/v1.0/access-token/b2b', {
          'x-partner-id': `${api_key}x`,
          authorization: `Basic ${basic}`,
        }),
        await token('/api/v1.1/access-token/b2b', {
          'x-partner-id': api_key,
          'x-client-id': client_id,
          'x-signature': `${signature.slice(1)}0`,
        }),
        await postAccount(t.app, VALID, { ...ADMIN, authorization: `Bearer ${TEST_ADMIN_TOKEN}x` }),
      ];
      expect(refusals.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
      const accessToken = v10.body.data.access_token;
      const listPath = `/api/v1.0/payment-link-manage/${created.body.data.account.id}`;
      const list = await t.app.request(listPath, {
        headers: { authorization: `Bearer ${accessToken}`, 'x-partner-id': api_key },
      });
      expect(list.status).toBe(200);
      const forged = await t.app.request(listPath, {
        headers: { authorization: `Bearer ${accessToken}x`, 'x-partner-id': api_key },
      });
      expect(forged.status).toBe(401);

      // The logger was reached (so this test can fail), and no line holds a secret.
      expect(lines.some((line) => line.includes(created.body.data.account.id))).toBe(true);
      expect(lines.some((line) => line.includes('INVALID_CREDENTIALS'))).toBe(true);
      const secrets = [
        api_key,
        client_secret,
        webhook_secret,
        basic,
        wrongSecret,
        signature,
        accessToken,
        v11.body.data.access_token,
        TEST_ADMIN_TOKEN,
      ];
      for (const secret of secrets) {
        expect(lines.filter((line) => line.includes(secret))).toEqual([]);
      }
    } finally {
      t.deps.log = originalLog;
      for (const spy of consoleSpies) spy.mockRestore();
    }
  });
});
