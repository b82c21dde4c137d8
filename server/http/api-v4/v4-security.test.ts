import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLinkOk, START } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import { asMerchant, basicAuth, callV4, expectErrors } from '../../../tests/support/v4-api.ts';

let t: TestPaylink;
let merchant: Merchant;
let v4: ReturnType<typeof asMerchant>;
let linkId: string;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  v4 = asMerchant(t, merchant);
  linkId = (await v4.create({ amount: 20_000, referenceId: 'SEC-1' })).body.data.id;
});
beforeEach(() => t.clock.set(START));
afterAll(() => t.close());

const encode = (text: string) => Buffer.from(text).toString('base64');

// SPEC §4: HTTP Basic client_id:client_secret (RFC 7617).
describe('v4 authentication', () => {
  const refusals: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['a Bearer token', () => `Bearer ${merchant.token}`],
    ['the wrong secret', () => basicAuth(merchant.clientId, `${merchant.clientSecret}x`)],
    ['an empty secret', () => basicAuth(merchant.clientId, '')],
    ['an unknown client_id', () => basicAuth('cli_unknown', merchant.clientSecret)],
    ['the secret as client_id', () => basicAuth(merchant.clientSecret, merchant.clientId)],
    ['no colon', () => `Basic ${encode(merchant.clientId)}`],
    ['an empty client_id', () => `Basic ${encode(`:${merchant.clientSecret}`)}`],
    ['not base64', () => 'Basic !!!'],
    ['an empty Basic', () => 'Basic '],
    ['a NUL in the client_id', () => basicAuth('cli\u0000x', 'secret')],
    ['a 10 kB client_id', () => basicAuth('c'.repeat(10_000), 'secret')],
    ['the v1.0 api_key', () => basicAuth(merchant.apiKey, merchant.clientSecret)],
  ];

  it.each(refusals)('401 with a Basic challenge for %s', async (_label, header) => {
    const authorization = header();
    const headers: Record<string, string> = authorization ? { authorization } : {};
    for (const answer of [
      await callV4(t, 'GET', `/payment_links/${linkId}`, { headers }),
      await callV4(t, 'POST', '/payment_links', {
        headers,
        body: { data: { attributes: { amount: 20_000, referenceId: 'SEC-401' } } },
      }),
    ]) {
      expectErrors(answer, 401);
      expect(answer.headers.get('www-authenticate')).toBe('Basic realm="Paylink"');
      expect(JSON.stringify(answer.body)).not.toContain(merchant.clientSecret);
    }
  });

  it('takes the scheme in any case (RFC 7617 §2)', async () => {
    const authorization = basicAuth(merchant.clientId, merchant.clientSecret).replace(
      'Basic',
      'bAsIc',
    );
    const answer = await callV4(t, 'GET', `/payment_links/${linkId}`, {
      headers: { authorization },
    });
    expect(answer.status).toBe(200);
  });

  it('answers 401 before reading anything else: an unknown path, a huge body', async () => {
    expectErrors(await callV4(t, 'GET', '/nowhere'), 401);
    const huge = await callV4(t, 'POST', '/payment_links', { body: 'x'.repeat(70 * 1024) });
    expectErrors(huge, 401);
  });

  it('403 for a suspended account, 200 again once it is active', async () => {
    const setStatus = (status: string) =>
      t.db.execute(sql`update accounts set status = ${status} where id = ${merchant.accountId}`);
    await setStatus('suspended');
    try {
      expectErrors(await v4.show(linkId), 403);
      expectErrors(await v4.create({ amount: 20_000, referenceId: 'SEC-403' }), 403);
    } finally {
      await setStatus('active');
    }
    expect((await v4.show(linkId)).status).toBe(200);
  });
});

describe('GET /api/v4/payment_links/{id}: only the account’s own v4 links', () => {
  it('404 for another account’s link, the same answer as for an unknown id', async () => {
    const other = asMerchant(t, await createMerchant(t));
    const theirs = await other.show(linkId);
    const unknown = await other.show(`paymentlink_${'0'.repeat(32)}`);
    expectErrors(theirs, 404);
    expect(theirs.body).toStrictEqual(unknown.body);
  });

  it('404 for a v1.0 link of the account, looked up by its public id tail', async () => {
    const v1 = await createLinkOk(t, merchant);
    const tail = (v1.payment_url as string).slice(-32);
    expectErrors(await v4.show(`paymentlink_${tail}`), 404);
  });

  it.each([
    ['the public id itself', () => `PL20260115100000${linkId.slice(-32)}`],
    ['upper-case hex', () => linkId.replace('paymentlink_', 'paymentlink_').toUpperCase()],
    ['a short tail', () => linkId.slice(0, -1)],
    ['a longer tail', () => `${linkId}0`],
    ['a LIKE wildcard', () => `paymentlink_${'%'.repeat(32)}`],
    ['an SQL quote', () => `paymentlink_'or'1'='1`],
    ['the internal integer id', () => '1'],
  ])('404 for %s', async (_label, id) => {
    expectErrors(await v4.show(encodeURIComponent(id())), 404);
  });
});
