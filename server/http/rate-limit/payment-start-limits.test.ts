import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publicIdOf } from '../../../tests/support/checkout-api.ts';
import { countPayments, paymentRowsOf } from '../../../tests/support/checkout-db.ts';
import { readAnswer, requestFrom } from '../../../tests/support/from-address.ts';
import { createLinkOk, refreshToken } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import { createApp } from '../app.ts';
import { rememberClientAddress } from './client-address.ts';

// SPEC §9: payment starts, 10 a minute per link and client address (RATE_LIMITS unset).
let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink({ env: { RATE_LIMITS: '' } });
  merchant = await createMerchant(t);
});
afterAll(() => t.close());
beforeEach(async () => {
  t.clock.advance(60_000);
  await refreshToken(t, merchant);
});

async function newLink() {
  const link = await createLinkOk(t, merchant, { total_amount: 20_000 });
  return { id: link.id as number, publicId: publicIdOf(link) };
}

const asJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

function start(address: string, publicId: string) {
  return requestFrom(t, address, `/b2b/${publicId}/payments`, asJson({ method: 'QRIS' }));
}

describe('payment starts per link and client address (JSON)', () => {
  it('the 11th in a minute is 429 with Retry-After, and no payment is created', async () => {
    const link = await newLink();
    for (let i = 1; i <= 10; i++)
      expect((await start('198.51.100.7', link.publicId)).status).toBe(201);
    const refused = await readAnswer(await start('198.51.100.7', link.publicId));
    expect(refused).toEqual({
      status: 429,
      retryAfter: '60',
      body: {
        status: 429,
        success: false,
        error: {
          code: 429,
          message: 'Too many requests: try again in 60 seconds.',
          reason: 'TOO_MANY_REQUESTS',
        },
      },
    });
    expect(await countPayments(t, link.id)).toBe(10);
  });

  it('lets exactly 10 of a burst of 40 concurrent starts create a payment', async () => {
    const link = await newLink();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => start('198.51.100.14', link.publicId)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
    expect(await countPayments(t, link.id)).toBe(10);
  });

  it('leaves other links and other addresses alone', async () => {
    const [link, another] = [await newLink(), await newLink()];
    for (let i = 1; i <= 10; i++) await start('198.51.100.8', link.publicId);
    expect((await start('198.51.100.8', link.publicId)).status).toBe(429);
    expect((await start('198.51.100.8', another.publicId)).status).toBe(201);
    expect((await start('198.51.100.9', link.publicId)).status).toBe(201);
  });

  it('takes payments again when the minute has passed', async () => {
    const link = await newLink();
    for (let i = 1; i <= 10; i++) await start('198.51.100.10', link.publicId);
    t.clock.advance(30_000);
    expect((await start('198.51.100.10', link.publicId)).headers.get('retry-after')).toBe('30');
    t.clock.advance(30_000);
    expect((await start('198.51.100.10', link.publicId)).status).toBe(201);
    expect(await countPayments(t, link.id)).toBe(11);
  });

  it('limits cancels apart, so choosing another method is not counted twice', async () => {
    const link = await newLink();
    const cancel = (reffNo: string) =>
      requestFrom(t, '198.51.100.11', `/b2b/${link.publicId}/payments/${reffNo}/cancel`, {
        method: 'POST',
      });
    for (let i = 1; i <= 10; i++) {
      const started = await readAnswer(await start('198.51.100.11', link.publicId));
      expect(started.status).toBe(201);
      expect((await cancel(started.body.data.reff_no)).status).toBe(303);
    }
    const last = (await paymentRowsOf(t, link.id)).at(-1);
    expect((await cancel(last?.reffNo ?? '')).status).toBe(429);
    expect((await start('198.51.100.11', link.publicId)).status).toBe(429);
  });
});

describe('payment starts as a form post (no JavaScript)', () => {
  it('the 11th gets the page again with its fields, the wait and no new payment', async () => {
    // The page as the real server renders it is tested on the build (tests/integration);
    // here it shows what it is handed.
    const app = createApp(t.deps, {
      renderPages: async (c) => c.json(c.get('checkoutForm' as never) ?? null),
    });
    const link = await newLink();
    const post = () => {
      const request = new Request(`http://localhost/b2b/${link.publicId}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ method: 'QRIS', customer_name: 'Budi' }).toString(),
      });
      rememberClientAddress(request, '198.51.100.12');
      return app.request(request);
    };
    for (let i = 1; i <= 10; i++) expect((await post()).status).toBe(303);
    const refused = await post();
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many requests: try again in 60 seconds.',
      errors: {},
      fields: { method: 'QRIS', customer_name: 'Budi' },
      retryAfterSeconds: 60,
    });
    expect(await countPayments(t, link.id)).toBe(10);
  });
});

describe('RATE_LIMITS=off', () => {
  it('takes every start', async () => {
    const open = await createTestPaylink({ env: { RATE_LIMITS: 'off' } });
    try {
      const m = await createMerchant(open);
      const link = await createLinkOk(open, m, { total_amount: 20_000 });
      for (let i = 1; i <= 15; i++) {
        const answer = await requestFrom(
          open,
          '198.51.100.13',
          `/b2b/${publicIdOf(link)}/payments`,
          asJson({ method: 'QRIS' }),
        );
        expect(answer.status).toBe(201);
      }
    } finally {
      await open.close();
    }
  });
});
