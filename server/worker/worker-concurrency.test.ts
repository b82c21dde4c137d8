import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settle } from '../../tests/support/checkout-api.ts';
import type { Deps } from '../deps.ts';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import {
  bodyOf,
  type MerchantReceiver,
  startMerchantReceiver,
} from '../../tests/support/merchant-receiver.ts';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../tests/support/scratch-database.ts';
import { testBackends } from '../../tests/support/test-database.ts';
import {
  createTestPaylink,
  depsOnConnection,
  type TestPaylink,
} from '../../tests/support/test-paylink.ts';
import { expectSignedCallback, webhookIdOf } from '../../tests/support/verify-callback.ts';
import { listDeliveries, paidVaPayment } from '../../tests/support/worker-fixture.ts';
import { type Database, openDatabase } from '../store/database.ts';
import { createWorker, type WorkDone } from './worker.ts';

// SPEC §9: several server processes may share one PostgreSQL. Two workers sweeping at the
// same moment must send each callback once and settle each payment once (claims are leased
// and taken with SKIP LOCKED; transitions re-check the locked row).

const PAYMENTS = 8;

describe.each(testBackends())('two workers at once (%s)', (backend) => {
  let t: TestPaylink;
  let scratch: ScratchDatabase | null = null;
  let second: Database | null = null;
  let otherDeps: Deps;
  let receiver: MerchantReceiver;
  let merchant: Merchant;

  beforeEach(async () => {
    const env = { SETTLEMENT_DELAY: '60' };
    if (backend === 'postgres') {
      // Its own database: a worker sweeps every due row, other test files' included.
      scratch = await createScratchDatabase();
      t = await createTestPaylink({ env, databaseUrl: scratch.url });
      second = await openDatabase({ databaseUrl: scratch.url });
      otherDeps = depsOnConnection(t.deps, second.db);
    } else {
      t = await createTestPaylink({ env });
      otherDeps = t.deps;
    }
    t.clock.set(new Date());
    receiver = await startMerchantReceiver();
    // A slow merchant keeps each send in flight while the other worker looks for work.
    receiver.setDelay(100);
    merchant = await createMerchant(t, { callback_url: receiver.url() });
  });

  afterEach(async () => {
    await receiver.close();
    await second?.close();
    await t.close();
    await scratch?.drop();
    second = null;
    scratch = null;
  });

  /** Both workers sweep at the same moment, twice over; answers the sum of their work. */
  async function sweepTogether(): Promise<WorkDone> {
    const one = createWorker(t.deps, 1000);
    const two = createWorker(otherDeps, 1000);
    const done = await Promise.all([one.runOnce(), two.runOnce(), one.runOnce(), two.runOnce()]);
    return done.reduce((sum, work) => ({
      expired: sum.expired + work.expired,
      settled: sum.settled + work.settled,
      attempted: sum.attempted + work.attempted,
      reconciled: sum.reconciled + work.reconciled,
      closed: sum.closed + work.closed,
    }));
  }

  const idsOf = (status: string) =>
    receiver.received.filter((r) => bodyOf(r).data.transaction.status === status).map(webhookIdOf);

  it('deliver each paid callback once and settle each payment once', async () => {
    const reffs = new Set<string>();
    for (let i = 0; i < PAYMENTS; i++)
      reffs.add((await paidVaPayment(t, merchant)).payment.reff_no);

    expect(await sweepTogether()).toMatchObject({ expired: 0, settled: 0, attempted: PAYMENTS });
    expect(receiver.received).toHaveLength(PAYMENTS);
    expect(new Set(idsOf('paid')).size).toBe(PAYMENTS);
    expect(new Set(receiver.received.map((r) => bodyOf(r).data.transaction.reff_no))).toEqual(
      reffs,
    );
    for (const request of receiver.received) expectSignedCallback(request, merchant);

    t.clock.advance(60_000);
    expect(await sweepTogether()).toMatchObject({
      expired: 0,
      settled: PAYMENTS,
      attempted: PAYMENTS,
    });
    expect(idsOf('settled')).toHaveLength(PAYMENTS);
    expect(new Set(idsOf('settled')).size).toBe(PAYMENTS);

    expect(await sweepTogether()).toMatchObject({ expired: 0, settled: 0, attempted: 0 });
    const listed = await listDeliveries(t, merchant);
    expect(listed).toHaveLength(2 * PAYMENTS);
    for (const row of listed) expect(row).toMatchObject({ attempts: 1, last_status_code: 200 });
  });

  it("keep each payment's settled callback behind its paid one in flight", async () => {
    const reffs: string[] = [];
    for (let i = 0; i < PAYMENTS; i++) {
      const reff = (await paidVaPayment(t, merchant)).payment.reff_no;
      expect((await settle(t, reff)).status).toBe(200);
      reffs.push(reff);
    }
    // Every paid and settled callback is due at once; the merchant answers each after 100 ms.
    for (let sweep = 0; sweep < 5 && idsOf('settled').length < PAYMENTS; sweep++)
      await sweepTogether();

    for (const reff of reffs) {
      const of = receiver.received.filter((r) => bodyOf(r).data.transaction.reff_no === reff);
      const statuses = of.map((r) => bodyOf(r).data.transaction.status);
      expect(statuses, reff).toEqual(['paid', 'settled']);
      // SPEC §6: settled left only after paid was answered (100 ms after it arrived).
      expect(of[1]!.receivedAt - of[0]!.receivedAt, reff).toBeGreaterThanOrEqual(90);
    }
    const listed = await listDeliveries(t, merchant);
    for (const row of listed) expect(row).toMatchObject({ attempts: 1, last_status_code: 200 });
  });

  it('retry a delivery whose worker died mid-send once its 60 s lease ends', async () => {
    await paidVaPayment(t, merchant);
    // A worker in another process claims the callback and dies before sending it.
    const claimedAt = t.clock.now().getTime();
    expect(await otherDeps.deliveries.claimDue(t.clock.now(), 60_000, 50)).toHaveLength(1);

    t.clock.set(new Date(claimedAt + 59_000));
    expect(await sweepTogether()).toMatchObject({ attempted: 0 });
    t.clock.set(new Date(claimedAt + 60_000));
    await sweepTogether();
    expect(idsOf('paid')).toHaveLength(1);
    expectSignedCallback(receiver.received[0]!, merchant);
    const paid = (await listDeliveries(t, merchant)).find((row) => row.event.endsWith('.paid'));
    expect(paid).toMatchObject({
      attempts: 1,
      last_status_code: 200,
      webhook_id: idsOf('paid')[0],
    });
  });
});
