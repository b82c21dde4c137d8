import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiAnswer,
  expectFailure,
  expectInvalid,
  START,
} from '../../../tests/support/link-api.ts';
import { createMerchant, linksPath, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;
let other: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  other = await createMerchant(t);
});
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

const V10 = '/api/v1.0/access-token/b2b';
const V11 = '/api/v1.1/access-token/b2b';
const GRANT = JSON.stringify({ grant_type: 'client_credentials' });

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Independent of server/security/digest.ts: the signature as a merchant's SDK builds it. */
function signature(m: Merchant, day: string, secret = m.clientSecret): string {
  return createHmac('sha512', secret).update(`${m.clientId}_${secret}_${day}`).digest('hex');
}

/** POSTs to a token endpoint; a null body sends none. */
async function post(
  path: string,
  headers: Record<string, string>,
  body: string | null = GRANT,
): Promise<ApiAnswer> {
  const response = await t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === null ? {} : { body }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const v10Headers = (m: Merchant) => ({
  'x-partner-id': m.apiKey,
  authorization: basic(m.clientId, m.clientSecret),
});
const v11Headers = (m: Merchant, day: string) => ({
  'x-partner-id': m.apiKey,
  'x-client-id': m.clientId,
  'x-signature': signature(m, day),
});

/** GET the link list with this token, as merchant `m`. */
async function listWith(m: Merchant, token: string): Promise<ApiAnswer> {
  const response = await t.app.request(linksPath(m), {
    headers: { authorization: `Bearer ${token}`, 'x-partner-id': m.apiKey },
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** A 200 token answer exactly as SPEC §3.1 writes it; answers the token. */
function expectToken(answer: ApiAnswer, m: Merchant): string {
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    status: 200,
    success: true,
    data: { access_token: expect.any(String), token_type: 'Bearer', expires_in: '900' },
  });
  const token: string = answer.body.data.access_token;
  expect(t.deps.tokens.verify(token, t.clock.now())?.accountId).toBe(m.accountId);
  return token;
}

async function setStatus(m: Merchant, status: string) {
  await t.db.execute(sql`update accounts set status = ${status} where id = ${m.accountId}`);
}

describe('POST /api/v1.0/access-token/b2b: happy', () => {
  it.each([
    ['JSON grant_type', 'application/json', GRANT],
    ['JSON grantType', 'application/json', JSON.stringify({ grantType: 'client_credentials' })],
    ['JSON with a charset', 'application/json; charset=utf-8', GRANT],
    ['form grant_type', 'application/x-www-form-urlencoded', 'grant_type=client_credentials'],
    ['form grantType', 'application/x-www-form-urlencoded', 'grantType=client_credentials'],
  ])('grants a 900-second bearer token for %s', async (_name, type, body) => {
    const token = expectToken(
      await post(V10, { ...v10Headers(merchant), 'content-type': type }, body),
      merchant,
    );
    expect((await listWith(merchant, token)).status).toBe(200);
  });

  it('accepts the Basic scheme name in any case', async () => {
    const headers = {
      ...v10Headers(merchant),
      authorization: basic(merchant.clientId, merchant.clientSecret).replace('Basic', 'basic'),
    };
    expectToken(await post(V10, headers), merchant);
  });

  it('grants each account its own token', async () => {
    const token = expectToken(await post(V10, v10Headers(other)), other);
    expect((await listWith(other, token)).status).toBe(200);
  });
});

describe('POST /api/v1.0/access-token/b2b: credentials', () => {
  it.each<[string, () => Record<string, string>]>([
    [
      'a wrong client_secret',
      () => ({
        ...v10Headers(merchant),
        authorization: basic(merchant.clientId, `${merchant.clientSecret}x`),
      }),
    ],
    [
      'another account’s client_secret',
      () => ({
        ...v10Headers(merchant),
        authorization: basic(merchant.clientId, other.clientSecret),
      }),
    ],
    [
      'an empty client_secret',
      () => ({ ...v10Headers(merchant), authorization: basic(merchant.clientId, '') }),
    ],
    [
      'a wrong client_id',
      () => ({
        ...v10Headers(merchant),
        authorization: basic(`${merchant.clientId}x`, merchant.clientSecret),
      }),
    ],
    [
      'a wrong X-PARTNER-ID',
      () => ({ ...v10Headers(merchant), 'x-partner-id': `${merchant.apiKey}x` }),
    ],
    [
      'another account’s X-PARTNER-ID',
      () => ({ ...v10Headers(merchant), 'x-partner-id': other.apiKey }),
    ],
    ['no X-PARTNER-ID', () => ({ authorization: basic(merchant.clientId, merchant.clientSecret) })],
    ['no Authorization', () => ({ 'x-partner-id': merchant.apiKey })],
    [
      'a Bearer instead of Basic',
      () => ({ ...v10Headers(merchant), authorization: `Bearer ${merchant.token}` }),
    ],
    ['Basic without credentials', () => ({ ...v10Headers(merchant), authorization: 'Basic' })],
    [
      'Basic with characters outside base64',
      () => ({ ...v10Headers(merchant), authorization: 'Basic !!!***' }),
    ],
    [
      'Basic without a colon',
      () => ({
        ...v10Headers(merchant),
        authorization: `Basic ${Buffer.from(merchant.clientId).toString('base64')}`,
      }),
    ],
    [
      'Basic with an empty client_id',
      () => ({ ...v10Headers(merchant), authorization: basic('', merchant.clientSecret) }),
    ],
    ['the v1.1 headers', () => v11Headers(merchant, '20260115')],
  ])('refuses %s with 401 and the error envelope', async (_name, headers) => {
    const answer = await post(V10, headers());
    expectFailure(answer, 401, 'INVALID_CREDENTIALS');
    expect(answer.body).toEqual({
      status: 401,
      success: false,
      error: { code: 401, message: expect.any(String), reason: 'INVALID_CREDENTIALS' },
    });
  });

  it('checks credentials before the body: wrong credentials and a bad body is a 401', async () => {
    const wrong = { ...v10Headers(merchant), authorization: basic(merchant.clientId, 'nope') };
    expectFailure(await post(V10, wrong, '{broken'), 401, 'INVALID_CREDENTIALS');
    expectFailure(
      await post(V10, wrong, JSON.stringify({ grant_type: 'password' })),
      401,
      'INVALID_CREDENTIALS',
    );
  });

  it('answers 403 to a suspended account, and 200 again once it is active', async () => {
    await setStatus(merchant, 'suspended');
    try {
      expectFailure(await post(V10, v10Headers(merchant)), 403, 'ACCOUNT_SUSPENDED');
      expectFailure(await post(V11, v11Headers(merchant, '20260115')), 403, 'ACCOUNT_SUSPENDED');
    } finally {
      await setStatus(merchant, 'active');
    }
    expectToken(await post(V10, v10Headers(merchant)), merchant);
  });
});

describe('POST /api/v1.0/access-token/b2b: grant type', () => {
  it.each([
    ['another grant_type', 'application/json', JSON.stringify({ grant_type: 'password' })],
    ['another grantType', 'application/json', JSON.stringify({ grantType: 'authorization_code' })],
    [
      'grant_type in another case',
      'application/json',
      JSON.stringify({ grant_type: 'CLIENT_CREDENTIALS' }),
    ],
    [
      'a grant_type that is not a string',
      'application/json',
      JSON.stringify({ grant_type: ['client_credentials'] }),
    ],
    ['a null grant_type', 'application/json', JSON.stringify({ grant_type: null })],
    ['an empty object', 'application/json', '{}'],
    ['no body', 'application/json', null],
    ['another form grant_type', 'application/x-www-form-urlencoded', 'grant_type=password'],
    ['an empty form', 'application/x-www-form-urlencoded', ''],
  ])('answers 422 naming grant_type for %s', async (_name, type, body) => {
    expectInvalid(
      await post(V10, { ...v10Headers(merchant), 'content-type': type }, body),
      'grant_type',
    );
  });

  it('answers 400 to malformed JSON from a caller with good credentials', async () => {
    expectFailure(await post(V10, v10Headers(merchant), '{"grant_type":'), 400, 'MALFORMED_BODY');
  });
});

describe('POST /api/v1.1/access-token/b2b', () => {
  // 20:00 UTC on the 15th is 03:00 WIB on the 16th: the two calendars disagree.
  const EVENING_UTC = new Date('2026-01-15T20:00:00.000Z');

  it('grants a token for the Jakarta date while WIB is already on the next day', async () => {
    t.clock.set(EVENING_UTC);
    const token = expectToken(await post(V11, v11Headers(merchant, '20260116')), merchant);
    expect((await listWith(merchant, token)).status).toBe(200);
  });

  it('grants a token during an ordinary day, for JSON grantType and form bodies', async () => {
    expectToken(await post(V11, v11Headers(merchant, '20260115')), merchant);
    expectToken(
      await post(
        V11,
        v11Headers(merchant, '20260115'),
        JSON.stringify({ grantType: 'client_credentials' }),
      ),
      merchant,
    );
    const form = {
      ...v11Headers(merchant, '20260115'),
      'content-type': 'application/x-www-form-urlencoded',
    };
    expectToken(await post(V11, form, 'grant_type=client_credentials'), merchant);
  });

  it('accepts an uppercase hex signature', async () => {
    const headers = {
      ...v11Headers(merchant, '20260115'),
      'x-signature': signature(merchant, '20260115').toUpperCase(),
    };
    expectToken(await post(V11, headers), merchant);
  });

  it('accepts the UTC date in the hours when it differs from WIB’s (a documented choice)', async () => {
    t.clock.set(EVENING_UTC);
    expectToken(await post(V11, v11Headers(merchant, '20260115')), merchant);
  });

  it.each([
    ['yesterday, on an ordinary day', new Date('2026-01-15T03:00:00Z'), '20260114'],
    ['tomorrow, on an ordinary day', new Date('2026-01-15T03:00:00Z'), '20260116'],
    ['two days ago, when WIB is ahead of UTC', new Date('2026-01-15T20:00:00Z'), '20260114'],
    ['the UTC date once WIB and UTC agree again', new Date('2026-01-16T00:00:00Z'), '20260115'],
    ['an ISO date', new Date('2026-01-15T03:00:00Z'), '2026-01-15'],
    ['a six-digit date', new Date('2026-01-15T03:00:00Z'), '260115'],
  ])('refuses a signature over the wrong date: %s', async (_name, now, day) => {
    t.clock.set(now);
    expectFailure(await post(V11, v11Headers(merchant, day)), 401, 'INVALID_SIGNATURE');
  });

  it.each<[string, () => Record<string, string>, string]>([
    [
      'a signature under another secret',
      () => ({
        ...v11Headers(merchant, '20260115'),
        'x-signature': signature(merchant, '20260115', other.clientSecret),
      }),
      'INVALID_SIGNATURE',
    ],
    [
      'another account’s signature',
      () => ({ ...v11Headers(merchant, '20260115'), 'x-signature': signature(other, '20260115') }),
      'INVALID_SIGNATURE',
    ],
    [
      'one changed hex digit',
      () => {
        const good = signature(merchant, '20260115');
        return {
          ...v11Headers(merchant, '20260115'),
          'x-signature': `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`,
        };
      },
      'INVALID_SIGNATURE',
    ],
    [
      'a base64 signature',
      () => ({
        ...v11Headers(merchant, '20260115'),
        'x-signature': Buffer.from(signature(merchant, '20260115'), 'hex').toString('base64'),
      }),
      'INVALID_SIGNATURE',
    ],
    [
      'an HMAC-SHA256 signature',
      () => ({
        ...v11Headers(merchant, '20260115'),
        'x-signature': createHmac('sha256', merchant.clientSecret)
          .update(`${merchant.clientId}_${merchant.clientSecret}_20260115`)
          .digest('hex'),
      }),
      'INVALID_SIGNATURE',
    ],
    [
      'the client_secret as signature',
      () => ({ ...v11Headers(merchant, '20260115'), 'x-signature': merchant.clientSecret }),
      'INVALID_SIGNATURE',
    ],
    [
      'no X-Signature',
      () => ({ 'x-partner-id': merchant.apiKey, 'x-client-id': merchant.clientId }),
      'INVALID_CREDENTIALS',
    ],
    [
      'no X-CLIENT-ID',
      () => ({ 'x-partner-id': merchant.apiKey, 'x-signature': signature(merchant, '20260115') }),
      'INVALID_CREDENTIALS',
    ],
    [
      'no X-PARTNER-ID',
      () => ({ 'x-client-id': merchant.clientId, 'x-signature': signature(merchant, '20260115') }),
      'INVALID_CREDENTIALS',
    ],
    [
      'a wrong X-PARTNER-ID',
      () => ({ ...v11Headers(merchant, '20260115'), 'x-partner-id': other.apiKey }),
      'INVALID_CREDENTIALS',
    ],
    [
      'an unknown X-CLIENT-ID',
      () => ({ ...v11Headers(merchant, '20260115'), 'x-client-id': 'cl_unknown' }),
      'INVALID_CREDENTIALS',
    ],
    ['the v1.0 headers', () => v10Headers(merchant), 'INVALID_CREDENTIALS'],
  ])('refuses %s with 401', async (_name, headers, reason) => {
    expectFailure(await post(V11, headers()), 401, reason);
  });

  it('answers 422 naming grant_type to a good signature with a wrong grant', async () => {
    expectInvalid(
      await post(V11, v11Headers(merchant, '20260115'), JSON.stringify({ grant_type: 'password' })),
      'grant_type',
    );
    expectInvalid(await post(V11, v11Headers(merchant, '20260115'), null), 'grant_type');
  });
});

describe('access token lifetime (SPEC §3.1: 900 s)', () => {
  it('works at 899 s and answers 401 with WWW-Authenticate: Bearer at 900 s', async () => {
    const token = expectToken(await post(V10, v10Headers(merchant)), merchant);
    t.clock.advance(899_000);
    expect((await listWith(merchant, token)).status).toBe(200);
    t.clock.advance(1_000);
    const expired = await listWith(merchant, token);
    expectFailure(expired, 401, 'INVALID_TOKEN');
    expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer(\s|$)/);
  });

  it('lets a v1.1 token expire the same way', async () => {
    const token = expectToken(await post(V11, v11Headers(merchant, '20260115')), merchant);
    t.clock.advance(900_000);
    expectFailure(await listWith(merchant, token), 401, 'INVALID_TOKEN');
  });

  it('grants a working token again after expiry', async () => {
    const first = expectToken(await post(V10, v10Headers(merchant)), merchant);
    t.clock.advance(3_600_000);
    expectFailure(await listWith(merchant, first), 401, 'INVALID_TOKEN');
    const second = expectToken(await post(V10, v10Headers(merchant)), merchant);
    expect((await listWith(merchant, second)).status).toBe(200);
  });
});

describe('credentials with control characters', () => {
  it('are wrong credentials (401), never a database error', async () => {
    const t = await createTestPaylink();
    try {
      const basic = Buffer.from('cl_\u0000x:secret').toString('base64');
      const response = await t.app.request('/api/v1.0/access-token/b2b', {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'x-partner-id': 'pk_x',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      });
      expect(response.status).toBe(401);
    } finally {
      await t.close();
    }
  });
});
