import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { idempotencyKeys, paymentLinks } from '../../store/schema.ts';
import {
  DAY_MS,
  expectFailure,
  expectInvalid,
  MINIMAL_LINK,
  refreshToken,
  START,
} from '../../../tests/support/link-api.ts';
import { patchLink } from '../../../tests/support/link-changes.ts';
import {
  createMerchant,
  linksPath,
  type Merchant,
  merchantHeaders,
} from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

// SPEC §3.2: Idempotency-Key on create, per account, kept at least 24 hours.
describe.each(testBackends())('POST …/{account_id} with Idempotency-Key (%s)', (backend) => {
  let t: TestPaylink;
  let merchant: Merchant;
  let other: Merchant;
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
    merchant = await createMerchant(t);
    other = await createMerchant(t);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set(START);
    await refreshToken(t, merchant);
    await refreshToken(t, other);
  });

  /** Creates with this key, sending the body text as given; answers the raw text too. */
  async function create(who: Merchant, key: string | null, body: unknown) {
    const headers = merchantHeaders(who);
    if (key !== null) headers['idempotency-key'] = key;
    const response = await t.app.request(linksPath(who), {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: JSON.parse(text),
      replayed: response.headers.get('idempotent-replayed'),
    };
  }
  const linksTitled = async (who: Merchant, title: string) => {
    const [row] = await t.db
      .select({ n: count() })
      .from(paymentLinks)
      .where(and(eq(paymentLinks.accountId, who.accountId), eq(paymentLinks.title, title)));
    return row?.n ?? 0;
  };

  it('the same key and body answer the first response again, byte for byte', async () => {
    const body = { ...MINIMAL_LINK, title: 'Replay', max_usage: 2, optional_metadata: { a: 1 } };
    const first = await create(merchant, 'order-1001', body);
    expect(first.status).toBe(200);
    expect(first.replayed).toBeNull();
    // Later, and after the link changed: still the first answer, not the link as it is now.
    t.clock.advance(60 * 60 * 1000);
    await refreshToken(t, merchant);
    expect((await patchLink(t, merchant, first.body.data.id, { status: 'closed' })).status).toBe(
      200,
    );
    const again = await create(merchant, 'order-1001', body);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.replayed).toBe('true');
    expect(again.body.data.id).toBe(first.body.data.id);
    expect(await linksTitled(merchant, 'Replay')).toBe(1);
  });

  it('the same body with its keys in another order or spacing is the same request', async () => {
    const first = await create(merchant, 'order-1002', { title: 'Order', total_amount: 20_000 });
    const again = await create(
      merchant,
      'order-1002',
      '{ "total_amount": 20000,  "title": "Order" }',
    );
    expect([again.status, again.replayed, again.text]).toEqual([200, 'true', first.text]);
  });

  it('another body with the key: 422 IDEMPOTENCY_KEY_REUSED, nothing created', async () => {
    await create(merchant, 'order-1003', { ...MINIMAL_LINK, title: 'First body' });
    const clash = await create(merchant, 'order-1003', { ...MINIMAL_LINK, title: 'Second body' });
    expectFailure(clash, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(Object.keys(clash.body.errors)).toEqual(['Idempotency-Key']);
    expect(await linksTitled(merchant, 'Second body')).toBe(0);
  });

  it('a refused first request (4xx) is kept and replayed too', async () => {
    const bad = { title: 'No amount' };
    const first = await create(merchant, 'order-1004', bad);
    expectInvalid(first, 'total_amount');
    const again = await create(merchant, 'order-1004', bad);
    expect([again.status, again.text, again.replayed]).toEqual([422, first.text, 'true']);
    const fixed = await create(merchant, 'order-1004', { ...bad, total_amount: 20_000 });
    expectFailure(fixed, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('a 5xx is not kept: the key is free again for the retry', async () => {
    const links = t.deps.links;
    const insert = links.insert;
    links.insert = async () => {
      throw new Error('database went away');
    };
    try {
      expect(
        (await create(merchant, 'order-1005', { ...MINIMAL_LINK, title: 'Retried' })).status,
      ).toBe(500);
    } finally {
      links.insert = insert;
    }
    const retry = await create(merchant, 'order-1005', { ...MINIMAL_LINK, title: 'Retried' });
    expect([retry.status, retry.replayed]).toEqual([200, null]);
    expect(await linksTitled(merchant, 'Retried')).toBe(1);
  });

  it('two requests at once with one key: one link, the other 409 or the replay', async () => {
    const body = { ...MINIMAL_LINK, title: 'Concurrent' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => create(merchant, 'order-1006', body)),
    );
    const created = answers.filter((a) => a.status === 200 && a.replayed === null);
    expect(created).toHaveLength(1);
    for (const answer of answers.filter((a) => a !== created[0])) {
      if (answer.status === 200)
        expect([answer.replayed, answer.text]).toEqual(['true', created[0]?.text]);
      else expectFailure(answer, 409, 'IDEMPOTENCY_KEY_IN_USE');
    }
    expect(await linksTitled(merchant, 'Concurrent')).toBe(1);
  });

  it('a key whose first request still runs: 409 IDEMPOTENCY_KEY_IN_USE; abandoned after 5 minutes', async () => {
    const body = { ...MINIMAL_LINK, title: 'Running' };
    const first = await create(merchant, 'order-1007', body);
    // As if that first request were still running: its answer not yet kept.
    await t.db
      .update(idempotencyKeys)
      .set({ responseStatus: null, responseBody: null, completedAt: null })
      .where(
        and(
          eq(idempotencyKeys.accountId, merchant.accountId),
          eq(idempotencyKeys.key, 'order-1007'),
        ),
      );
    expectFailure(await create(merchant, 'order-1007', body), 409, 'IDEMPOTENCY_KEY_IN_USE');
    t.clock.advance(5 * 60 * 1000 + 1);
    await refreshToken(t, merchant);
    const taken = await create(merchant, 'order-1007', body);
    expect([taken.status, taken.replayed]).toEqual([200, null]);
    expect(taken.body.data.id).not.toBe(first.body.data.id);
  });

  it('keys are per account: the same key in another account creates its own link', async () => {
    const body = { ...MINIMAL_LINK, title: 'Per account' };
    const mine = await create(merchant, 'order-1008', body);
    const theirs = await create(other, 'order-1008', body);
    expect([theirs.status, theirs.replayed]).toEqual([200, null]);
    expect(theirs.body.data.id).not.toBe(mine.body.data.id);
    expect(theirs.body.data.account.id).toBe(other.accountId);
  });

  it('a key of 256 characters or an empty one: 422 naming the header, nothing created', async () => {
    const body = { ...MINIMAL_LINK, title: 'Long key' };
    expectInvalid(await create(merchant, 'k'.repeat(256), body), 'Idempotency-Key');
    expectInvalid(await create(merchant, '', body), 'Idempotency-Key');
    expect(await linksTitled(merchant, 'Long key')).toBe(0);
    const longest = await create(merchant, 'k'.repeat(255), body);
    expect(longest.status).toBe(200);
    expect((await create(merchant, 'k'.repeat(255), body)).replayed).toBe('true');
  });

  it('is kept 24 hours; after 24 h + 1 s the key may be used again', async () => {
    const first = await create(merchant, 'order-1009', { ...MINIMAL_LINK, title: 'Day one' });
    t.clock.advance(DAY_MS);
    await refreshToken(t, merchant);
    expect((await create(merchant, 'order-1009', { ...MINIMAL_LINK, title: 'Day one' })).text).toBe(
      first.text,
    );
    expectFailure(
      await create(merchant, 'order-1009', { ...MINIMAL_LINK, title: 'Day two' }),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
    t.clock.advance(1_000);
    await refreshToken(t, merchant);
    const reused = await create(merchant, 'order-1009', { ...MINIMAL_LINK, title: 'Day two' });
    expect([reused.status, reused.replayed]).toEqual([200, null]);
    expect(reused.body.data.id).not.toBe(first.body.data.id);
    expect(reused.body.data.title).toBe('Day two');
  });

  it('without the header, two identical creates make two links', async () => {
    const body = { ...MINIMAL_LINK, title: 'No key' };
    await create(merchant, null, body);
    await create(merchant, null, body);
    expect(await linksTitled(merchant, 'No key')).toBe(2);
  });
});
