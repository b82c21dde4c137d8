import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import {
  type MerchantReceiver,
  startMerchantReceiver,
} from '../../tests/support/merchant-receiver.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { deliveryOf, paidVaPayment } from '../../tests/support/worker-fixture.ts';
import { createLogger } from '../logger.ts';
import { deliveries } from '../store/schema.ts';
import { createWorker } from './worker.ts';

// SPEC §6 and §9: a database outage is not the merchant's failed delivery, and a failed query
// is recorded and logged without its parameters.

const PAID = 'payment-link-transaction.paid';
const SEALED = 'v1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB.Q0NDQ0NDQ0M';

let t: TestPaylink;
let receiver: MerchantReceiver;
let merchant: Merchant;
const lines: string[] = [];

/** What Drizzle throws when a query fails: its message repeats every bound value. */
function failedQuery(code: string): Error {
  const server = Object.assign(new Error('from the server'), { code, severity: 'FATAL' });
  return Object.assign(new Error(`Failed query: select * from accounts\nparams: ${SEALED}`), {
    query: 'select * from "accounts" where "id" = $1',
    params: [SEALED],
    cause: server,
  });
}

beforeEach(async () => {
  t = await createTestPaylink();
  t.clock.set(new Date(Math.floor(Date.now() / 1000) * 1000));
  receiver = await startMerchantReceiver();
  merchant = await createMerchant(t, { callback_url: receiver.url() });
  lines.length = 0;
  t.deps.log = createLogger('debug', { write: (line) => lines.push(line) });
});
afterEach(async () => {
  await receiver.close();
  await t.close();
});

/** The account store answering `failure` instead of the merchant's credentials, until undone. */
function failCredentials(failure: Error): () => void {
  const accounts = t.deps.accounts;
  t.deps.accounts = { ...accounts, findCredentialsById: () => Promise.reject(failure) };
  return () => {
    t.deps.accounts = accounts;
  };
}

describe('worker: the database out of reach', () => {
  it('records no failed attempt, and delivers once the database is back', async () => {
    await paidVaPayment(t, merchant);
    const undo = failCredentials(failedQuery('57P01'));
    const worker = createWorker(t.deps, 1000);
    await expect(worker.runOnce()).rejects.toThrow();
    undo();
    expect(receiver.received).toEqual([]);
    expect(await deliveryOf(t, merchant, PAID)).toMatchObject({ attempts: 0, last_error: null });

    t.clock.advance(61_000); // the claim's lease lapses
    await worker.runOnce();
    expect(receiver.received.map((r) => r.answered)).toEqual([200]);
    expect(await deliveryOf(t, merchant, PAID)).toMatchObject({ attempts: 1 });
  });

  it('says so once when it starts and once when it ends, not on every pass', async () => {
    const undo = failCredentials(failedQuery('57P01'));
    t.deps.payments = {
      ...t.deps.payments,
      findDueForExpiry: () => Promise.reject(failedQuery('08006')),
    };
    const worker = createWorker(t.deps, 50);
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const payments = t.deps.payments;
    undo();
    t.deps.payments = { ...payments, findDueForExpiry: async () => [] };
    await new Promise((resolve) => setTimeout(resolve, 300));
    await worker.stop();
    expect(lines.map((line) => line.slice(25))).toEqual([
      'warn worker paused: database unreachable reason=08006',
      'info worker resumed: database reachable again',
    ]);
  });
});

describe('worker: a failing query', () => {
  it('records and logs the attempt by its class, without the query or its parameters', async () => {
    await paidVaPayment(t, merchant);
    const undo = failCredentials(failedQuery('42703'));
    await createWorker(t.deps, 1000).runOnce();
    undo();
    const delivery = await deliveryOf(t, merchant, PAID);
    expect(delivery).toMatchObject({ attempts: 1, delivered_at: null });
    const [stored] = await t.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(stored?.lastError).toBe('internal error (Error)');
    const logged = lines.join('\n');
    expect(logged).toMatch(/ warn delivery attempt failed delivery_id=\d+ event=/);
    for (const text of [JSON.stringify(delivery), JSON.stringify(stored), logged]) {
      expect(text).not.toContain(SEALED);
      expect(text).not.toContain('params');
    }
  });
});
