import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLink, createLinkOk, expectInvalid } from '../../tests/support/link-api.ts';
import { callApi, createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import {
  createTestPaylink,
  TEST_ADMIN_TOKEN,
  type TestPaylink,
} from '../../tests/support/test-paylink.ts';
import { rowsOf } from '../store/database.ts';
import { NOT_PUBLIC_MESSAGE } from './callback-destinations.ts';

// SPEC §6 "Destinations", on the API: a callback URL whose host is, or resolves to, an
// address that is not public is a 422 naming the field, and nothing is created. Here
// CALLBACK_ALLOW_PRIVATE is off, as in production (the other tests turn it on).

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink({ env: { CALLBACK_ALLOW_PRIVATE: 'false' } });
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

/** Every form finding 1 of issue 10 reached the worker with, and more of each range. */
const REFUSED = [
  'https://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'https://10.0.0.8/callbacks',
  'https://172.16.0.1/callbacks',
  'https://192.168.1.20:8443/callbacks',
  'https://100.100.100.200/latest/meta-data/',
  'https://[fd00::1]/callbacks',
  'https://[fe80::1]/callbacks',
  'https://0.0.0.0/callbacks',
  'http://127.0.0.1:5432/',
  'http://[::1]:6379/',
  'https://127.0.0.2/callbacks',
  'https://[::ffff:127.0.0.1]/callbacks',
  'https://[::ffff:a9fe:a9fe]/latest/meta-data/',
  'https://2130706433/callbacks',
  'https://0x7f.1/callbacks',
  'https://017700000001/callbacks',
  'https://127.1/callbacks',
  'https://224.0.0.1/callbacks',
  'https://255.255.255.255/callbacks',
  // A name: `localhost` resolves to 127.0.0.1 through the system resolver.
  'http://localhost:4000/paylink',
];

/** Accepted: a public address, and a name that does not resolve (yet). */
const ACCEPTED = ['https://8.8.8.8/callbacks', 'https://merchant.invalid/callbacks'];

async function count(table: 'accounts' | 'payment_links'): Promise<number> {
  const result = await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return rowsOf<{ n: number }>(result)[0]!.n;
}

describe('v1.0 create: callback_url', () => {
  it.each(REFUSED)('refuses %s with 422 naming callback_url', async (url) => {
    const before = await count('payment_links');
    const answer = await createLink(t, merchant, {
      title: 'Kopi',
      total_amount: 20_000,
      callback_url: url,
    });
    expectInvalid(answer, 'callback_url');
    expect(answer.body.errors.callback_url).toEqual([NOT_PUBLIC_MESSAGE]);
    expect(await count('payment_links')).toBe(before);
  });

  it.each(ACCEPTED)('keeps %s', async (url) => {
    expect((await createLinkOk(t, merchant, { callback_url: url })).callback_url).toBe(url);
  });

  it("leaves redirect_url alone: the customer's browser goes there, not Paylink", async () => {
    const link = await createLinkOk(t, merchant, { redirect_url: 'http://localhost:3000/done' });
    expect(link.redirect_url).toBe('http://localhost:3000/done');
  });

  it('is not taken by PUT or PATCH (SPEC §3.4): a private URL sent there changes nothing', async () => {
    const link = await createLinkOk(t, merchant, { callback_url: ACCEPTED[0] });
    const path = `/api/v1.0/payment-link-manage/${merchant.accountId}/${link.id}`;
    for (const [method, body] of [
      ['PATCH', { callback_url: 'http://127.0.0.1:5432/' }],
      ['PUT', { status: 'open', callback_url: 'http://127.0.0.1:5432/' }],
    ] as const) {
      const answer = await callApi(t, merchant, method, path, body);
      expect(answer.status).toBe(200);
      expect(answer.body.data.callback_url).toBe(ACCEPTED[0]);
    }
  });
});

async function postAccount(body: object) {
  const response = await t.app.request('/api/admin/accounts', {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Toko Kopi Senja', ...body }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe.each(['callback_url', 'inquiry_callback_url'])('admin create: %s', (field) => {
  it.each(REFUSED)('refuses %s with 422 naming the field', async (url) => {
    const before = await count('accounts');
    const answer = await postAccount({ [field]: url });
    expectInvalid(answer, field);
    expect(answer.body.errors[field]).toEqual([NOT_PUBLIC_MESSAGE]);
    expect(await count('accounts')).toBe(before);
  });

  it.each(ACCEPTED)('keeps %s', async (url) => {
    const answer = await postAccount({ [field]: url });
    expect(answer.status).toBe(201);
    expect(answer.body.data.account[field]).toBe(url);
  });
});

describe('admin create: both callback URLs', () => {
  it('names each refused one at once', async () => {
    const answer = await postAccount({
      callback_url: 'https://192.168.0.10/paid',
      inquiry_callback_url: 'http://localhost:9000/inquiry',
    });
    expectInvalid(answer, 'callback_url', 'inquiry_callback_url');
  });
});

describe('with CALLBACK_ALLOW_PRIVATE=true', () => {
  it('takes a local receiver, for development and tests', async () => {
    const local = await createTestPaylink({ env: { CALLBACK_ALLOW_PRIVATE: 'true' } });
    try {
      const own = await createMerchant(local, { callback_url: 'http://127.0.0.1:4000/paylink' });
      const link = await createLinkOk(local, own, { callback_url: 'http://localhost:4000/x' });
      expect(link.callback_url).toBe('http://localhost:4000/x');
    } finally {
      await local.close();
    }
  });
});
