import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkStatus, payVa, publicIdOf, startPayment } from '../../tests/support/checkout-api.ts';
import { databaseOutage } from '../../tests/support/database-outage.ts';
import { readEvents } from '../../tests/support/event-stream.ts';
import { createLink, createLinkOk } from '../../tests/support/link-api.ts';
import { callApi, createMerchant, linksPath } from '../../tests/support/merchant.ts';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../tests/support/scratch-database.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { asMerchant, basicAuth, EXAMPLE_ATTRIBUTES } from '../../tests/support/v4-api.ts';
import { createLogger } from '../logger.ts';

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// SPEC §9 "Outages": while the database cannot be reached, every endpoint that needs it answers
// 503 with Retry-After, never 500, and the process recovers by itself when it returns. The
// database is a real PostgreSQL one of this test's own, cut as an outage would cut it.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a PostgreSQL outage (in-process)', () => {
  let database: ScratchDatabase;
  let t: TestPaylink;
  let outage: ReturnType<typeof databaseOutage>;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase();
    outage = databaseOutage(database.url);
    t = await createTestPaylink({ databaseUrl: database.url });
    t.deps.log = createLogger('debug', { format: 'json', write: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await outage.restore();
    await t.close();
    await database.drop();
  });

  it('answers 503 + Retry-After in each dialect, keeps live pages open, and recovers', async () => {
    const merchant = await createMerchant(t);
    const link = await createLinkOk(t, merchant, { total_amount: 40_000 });
    const publicId = publicIdOf(link);
    const v4 = asMerchant(t, merchant);
    const events = await t.app.request(`/b2b/${publicId}/events`);
    const stream = readEvents(events.body as ReadableStream<Uint8Array>);
    expect(JSON.parse((await stream.next())?.data ?? '')).toMatchObject({ link_status: 'open' });

    await outage.cut();
    // The change listener lost its connection: the caches step aside (nothing served stale).
    await until('listener notices', () => !t.deps.changes.isCoherent(), 5000);

    const v1 = [
      await callApi(t, merchant, 'GET', linksPath(merchant)),
      await callApi(t, merchant, 'GET', `${linksPath(merchant)}/${link.id}`),
      await createLink(t, merchant, { title: 'Kaos', total_amount: 20_000 }),
      await startPayment(t, publicId, { method: 'VA_BRI' }),
      await linkStatus(t, publicId),
      await payVa(t, { bank: 'BRI', va_number: '8888812345678901', amount: 20_000 }),
    ];
    for (const answer of v1) {
      expect(answer).toMatchObject({
        status: 503,
        body: { status: 503, success: false, error: { reason: 'SERVICE_UNAVAILABLE' } },
      });
    }
    const token = await t.app.request('/api/v1.0/access-token/b2b', {
      method: 'POST',
      headers: {
        'x-partner-id': merchant.apiKey,
        authorization: basicAuth(merchant.clientId, merchant.clientSecret),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    const v4Answers = [
      await v4.create(EXAMPLE_ATTRIBUTES),
      await v4.show('paymentlink_' + '0'.repeat(32)),
    ];
    for (const answer of [token, ...v4Answers]) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
    }
    for (const answer of v4Answers) {
      expect(answer.body).toEqual({
        errors: [expect.objectContaining({ status: '503', code: 'SERVICE_UNAVAILABLE' })],
      });
    }
    const health = await t.app.request('/healthz');
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');

    await outage.restore();
    await until('health', async () => (await t.app.request('/healthz')).status === 200);
    await until('listener back', () => t.deps.changes.isCoherent());

    // Recovered without a restart: a payment made now reaches the page that stayed open.
    const started = await startPayment(t, publicId, { method: 'VA_BRI' });
    expect(started.status).toBe(201);
    const va = started.body.data.payment_method_value as string;
    expect((await payVa(t, { bank: 'BRI', va_number: va, amount: 40_000 })).status).toBe(200);
    const next = await stream.next(10_000);
    // A single-use link that was paid takes no more payments.
    expect(JSON.parse(next?.data ?? '')).toEqual({ link_status: 'closed', payment: null });
    await stream.close();
    expect((await linkStatus(t, publicId)).status).toBe(200);

    // The outage was told, not as errors, and no line holds the link's public id.
    const parsed = lines.map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(parsed.filter((line) => line.level === 'error')).toEqual([]);
    expect(
      parsed.some((line) => line.level === 'warn' && /database unreachable/.test(line.msg)),
    ).toBe(true);
    expect(lines.join('\n')).not.toContain(publicId);
  });
});
