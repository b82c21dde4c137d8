import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiAnswer, createLinkOk, expectFailure } from '../../../tests/support/link-api.ts';
import { createMerchant, linksPath, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import { createAccessTokens } from '../../security/access-token.ts';

let t: TestPaylink;
let merchant: Merchant;
let other: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  other = await createMerchant(t);
});
afterAll(() => t.close());

async function get(path: string, headers: Record<string, string>): Promise<ApiAnswer> {
  const response = await t.app.request(path, { headers });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const asMerchant = (token = merchant.token) => ({
  authorization: `Bearer ${token}`,
  'x-partner-id': merchant.apiKey,
});

describe('v1.0 API bearer security: happy', () => {
  it('lets the token’s own account through, with a token from either grant', async () => {
    expect((await get(linksPath(merchant), asMerchant())).status).toBe(200);
    const fresh = t.deps.tokens.issue(merchant.accountId, t.clock.now());
    expect((await get(linksPath(merchant), asMerchant(fresh))).status).toBe(200);
    expect(
      (
        await get(linksPath(merchant), {
          ...asMerchant(),
          authorization: `bearer ${merchant.token}`,
        })
      ).status,
    ).toBe(200);
  });
});

describe('v1.0 API bearer security: 401', () => {
  it.each<[string, () => Record<string, string>, string]>([
    ['no Authorization', () => ({ 'x-partner-id': merchant.apiKey }), 'UNAUTHENTICATED'],
    [
      'an empty Bearer',
      () => ({ authorization: 'Bearer ', 'x-partner-id': merchant.apiKey }),
      'UNAUTHENTICATED',
    ],
    [
      'Basic credentials',
      () => ({
        authorization: `Basic ${Buffer.from(`${merchant.clientId}:${merchant.clientSecret}`).toString('base64')}`,
        'x-partner-id': merchant.apiKey,
      }),
      'UNAUTHENTICATED',
    ],
    [
      'the bare token',
      () => ({ authorization: merchant.token, 'x-partner-id': merchant.apiKey }),
      'UNAUTHENTICATED',
    ],
    ['a garbage token', () => asMerchant('garbage'), 'INVALID_TOKEN'],
    ['a three-part garbage token', () => asMerchant('aaa.bbb.ccc'), 'INVALID_TOKEN'],
    ['a truncated token', () => asMerchant(merchant.token.slice(0, -2)), 'INVALID_TOKEN'],
    [
      'a token signed by another server key',
      () =>
        asMerchant(createAccessTokens(randomBytes(32)).issue(merchant.accountId, t.clock.now())),
      'INVALID_TOKEN',
    ],
    [
      'a well-signed token of an account that does not exist',
      () => asMerchant(t.deps.tokens.issue('01KAAAAAAAAAAAAAAAAAAAAAAA', t.clock.now())),
      'INVALID_TOKEN',
    ],
    ['the api_key as token', () => asMerchant(merchant.apiKey), 'INVALID_TOKEN'],
    [
      'no X-PARTNER-ID (a documented choice)',
      () => ({ authorization: `Bearer ${merchant.token}` }),
      'UNAUTHENTICATED',
    ],
    [
      'an empty X-PARTNER-ID',
      () => ({ authorization: `Bearer ${merchant.token}`, 'x-partner-id': '' }),
      'UNAUTHENTICATED',
    ],
  ])('refuses %s with 401 and WWW-Authenticate: Bearer', async (_name, headers, reason) => {
    const answer = await get(linksPath(merchant), headers());
    expectFailure(answer, 401, reason);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer(\s|$)/);
  });

  it('guards every v1.0 route, the catalog and the create call included', async () => {
    expectFailure(
      await get('/api/v1.0/payment-link-manage/payment-methods', {}),
      401,
      'UNAUTHENTICATED',
    );
    expectFailure(await get(`${linksPath(merchant)}/1`, {}), 401, 'UNAUTHENTICATED');
    const created = await t.app.request(linksPath(merchant), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-partner-id': merchant.apiKey },
      body: JSON.stringify({ title: 'x', total_amount: 20_000 }),
    });
    expect(created.status).toBe(401);
  });
});

describe('v1.0 API bearer security: 403 and 404', () => {
  it('refuses an X-PARTNER-ID that is not the token’s with 403', async () => {
    for (const partnerId of [other.apiKey, `${merchant.apiKey}x`, merchant.clientId]) {
      const answer = await get(linksPath(merchant), { ...asMerchant(), 'x-partner-id': partnerId });
      expectFailure(answer, 403, 'PARTNER_MISMATCH');
      expect(answer.headers.get('www-authenticate')).toBeNull();
    }
  });

  it('refuses an {account_id} that is not the token’s with 403, on every path shape', async () => {
    expectFailure(await get(linksPath(other), asMerchant()), 403, 'ACCOUNT_MISMATCH');
    expectFailure(await get(`${linksPath(other)}/1`, asMerchant()), 403, 'ACCOUNT_MISMATCH');
    expectFailure(
      await get('/api/v1.0/payment-link-manage/01KAAAAAAAAAAAAAAAAAAAAAAA', asMerchant()),
      403,
      'ACCOUNT_MISMATCH',
    );
    const created = await t.app.request(linksPath(other), {
      method: 'POST',
      headers: { ...asMerchant(), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', total_amount: 20_000 }),
    });
    expect(created.status).toBe(403);
  });

  it('answers 404 for another account’s link, and never shows it', async () => {
    const theirs = await createLinkOk(t, other, { title: 'Rahasia pesaing' });
    const answer = await get(`${linksPath(merchant)}/${theirs.id}`, asMerchant());
    expectFailure(answer, 404, 'LINK_NOT_FOUND');
    expect(JSON.stringify(answer.body)).not.toContain('Rahasia pesaing');
    const mine = await get(linksPath(merchant), asMerchant());
    expect(mine.body.data.map((link: { id: number }) => link.id)).not.toContain(theirs.id);
  });

  it('refuses a suspended account’s still-valid token with 403', async () => {
    await t.db.execute(
      sql`update accounts set status = 'suspended' where id = ${merchant.accountId}`,
    );
    try {
      const answer = await get(linksPath(merchant), asMerchant());
      expectFailure(answer, 403, 'ACCOUNT_SUSPENDED');
    } finally {
      await t.db.execute(
        sql`update accounts set status = 'active' where id = ${merchant.accountId}`,
      );
    }
    expect((await get(linksPath(merchant), asMerchant())).status).toBe(200);
  });
});
