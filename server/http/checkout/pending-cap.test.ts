import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/env.ts';
import { type Database, openDatabase } from '../../store/database.ts';
import { createApp } from '../app.ts';
import {
  type Answer,
  payQris,
  payVa,
  publicIdOf,
  startPayment,
} from '../../../tests/support/checkout-api.ts';
import { paymentRowsOf } from '../../../tests/support/checkout-db.ts';
import { createLinkOk, START } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import {
  createTestPaylink,
  depsOnConnection,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';

const AMOUNT = 20_000;
/** SPEC §9's default. */
const CAP = 50;

// SPEC §9: at most 50 payments of a link pending at once; starting one more cancels the
// oldest, in the same transaction as the start, so its VA/QR refuses money from then on.
it('MAX_PENDING_PER_LINK is 50 by default, as SPEC §9 says', () => {
  expect(loadConfig({}).MAX_PENDING_PER_LINK).toBe(CAP);
  expect(loadConfig({ MAX_PENDING_PER_LINK: '200' }).MAX_PENDING_PER_LINK).toBe(200);
  expect(() => loadConfig({ MAX_PENDING_PER_LINK: '0' })).toThrow(/MAX_PENDING_PER_LINK/);
});

it('MAX_PENDING_PER_LINK=2: the third start cancels the first', async () => {
  const t = await createTestPaylink({ env: { MAX_PENDING_PER_LINK: '2' } });
  try {
    const link = await createLinkOk(t, await createMerchant(t), { max_usage: 10 });
    for (const method of ['QRIS', 'VA_BRI', 'VA_BNI'])
      expect((await startPayment(t, publicIdOf(link), { method })).status).toBe(201);
    const rows = await paymentRowsOf(t, link.id);
    expect(rows.map((row) => row.status)).toEqual(['cancelled', 'pending', 'pending']);
  } finally {
    await t.close();
  }
});

describe.each(testBackends())('pending payments per link (%s)', (backend) => {
  let t: TestPaylink;
  let merchant: Merchant;
  let second: Database | null = null;
  /** Where a burst's starts go: this app, and on PostgreSQL also a second process's. */
  let startVia: Array<(publicId: string, body: unknown) => Promise<Answer>>;

  beforeAll(async () => {
    // Many starts from one address: the per-minute limits are not what is tested here.
    t = await createTestPaylink({ backend, env: { RATE_LIMITS: 'off' } });
    merchant = await createMerchant(t);
    startVia = [(publicId, body) => startPayment(t, publicId, body)];
    const url = process.env.TEST_DATABASE_URL;
    if (backend === 'postgres' && url) {
      second = await openDatabase({ databaseUrl: url });
      const otherApp = createApp(depsOnConnection(t.deps, second.db));
      startVia.push(async (publicId, body) => {
        const response = await otherApp.request(`/b2b/${publicId}/payments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      });
    }
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  async function newLink() {
    const link = await createLinkOk(t, merchant, { total_amount: AMOUNT, max_usage: 1000 });
    return { id: link.id as number, publicId: publicIdOf(link) };
  }

  async function start(publicId: string, method: string) {
    const answer = await startPayment(t, publicId, { method });
    if (answer.status !== 201) throw new Error(`start failed: ${JSON.stringify(answer.body)}`);
    return answer.body.data;
  }

  it('the 51st start cancels the oldest; its VA and QR refuse money, the rest take it', async () => {
    const link = await newLink();
    const oldestVa = await start(link.publicId, 'VA_BRI');
    const oldestQr = await start(link.publicId, 'QRIS');
    for (let i = 2; i < CAP; i++) await start(link.publicId, i % 2 ? 'VA_BNI' : 'QRIS');
    let rows = await paymentRowsOf(t, link.id);
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(CAP);

    const newest = await start(link.publicId, 'VA_BRI');
    rows = await paymentRowsOf(t, link.id);
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(CAP);
    expect(rows[0]).toMatchObject({
      reffNo: oldestVa.reff_no,
      status: 'cancelled',
      endedAt: START,
    });
    expect(rows[1]?.status).toBe('pending');

    const late = await payVa(t, {
      bank: 'BRI',
      va_number: oldestVa.payment_method_value,
      amount: AMOUNT,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe('NOT_PAYABLE');

    await start(link.publicId, 'QRIS');
    expect((await payQris(t, oldestQr.qr_string)).status).toBe(409);
    const paid = await payVa(t, {
      bank: 'BRI',
      va_number: newest.payment_method_value,
      amount: AMOUNT,
    });
    expect(paid.status).toBe(200);
    rows = await paymentRowsOf(t, link.id);
    expect(rows.map((row) => row.status).slice(0, 2)).toEqual(['cancelled', 'cancelled']);
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(CAP - 1);
  });

  it('60 starts at once: all answered 201, the newest 50 pending, the 10 oldest cancelled', async () => {
    const link = await newLink();
    const methods = ['QRIS', 'VA_BRI', 'VA_BNI', 'VA_MANDIRI'];
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (startVia[i % startVia.length] ?? startVia[0]!)(link.publicId, {
          method: methods[i % methods.length],
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(60).fill(201));
    const rows = await paymentRowsOf(t, link.id);
    expect(rows).toHaveLength(60);
    // Oldest first: ids are taken in the order the starts got the link.
    expect(rows.map((row) => row.status)).toEqual([
      ...Array(60 - CAP).fill('cancelled'),
      ...Array(CAP).fill('pending'),
    ]);
  });

  it('a pending payment already past its deadline is not counted, and is left to expire', async () => {
    const link = await newLink();
    for (let i = 0; i < CAP; i++) await start(link.publicId, 'QRIS');
    // QRIS payments live 30 minutes (SPEC §5); the worker has not looked yet.
    t.clock.advance(31 * 60_000);
    await start(link.publicId, 'QRIS');
    const rows = await paymentRowsOf(t, link.id);
    expect(rows.filter((row) => row.status === 'cancelled')).toEqual([]);
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(CAP + 1);
    t.clock.set(START);
  });
});
