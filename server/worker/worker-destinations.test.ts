import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../tests/support/link-api.ts';
import { createMerchant } from '../../tests/support/merchant.ts';
import {
  type MerchantReceiver,
  startMerchantReceiver,
} from '../../tests/support/merchant-receiver.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { deliveryOf, paidVaPayment } from '../../tests/support/worker-fixture.ts';
import type { Deps } from '../deps.ts';
import { createLogger } from '../logger.ts';
import { createWorker } from './worker.ts';

// SPEC §6 "Destinations", in the worker: a delivery queued while its URL was allowed (the
// operator has since turned CALLBACK_ALLOW_PRIVATE off, or the name's DNS now says 127.0.0.1)
// is refused on the address it would connect to, recorded as destination_not_allowed, and
// given up, not retried; the receiver sees nothing.

const PAID = 'payment-link-transaction.paid';

let t: TestPaylink;
let receiver: MerchantReceiver;
let lines: string[];

beforeEach(async () => {
  t = await createTestPaylink(); // CALLBACK_ALLOW_PRIVATE=true: the URL is stored
  t.clock.set(new Date());
  receiver = await startMerchantReceiver();
  lines = [];
});

afterEach(async () => {
  await receiver.close();
  await t.close();
});

/** The worker of a server where CALLBACK_ALLOW_PRIVATE is off, its log lines kept. */
function productionWorker() {
  const deps: Deps = {
    ...t.deps,
    config: { ...t.deps.config, CALLBACK_ALLOW_PRIVATE: false },
    log: createLogger('debug', { write: (line) => lines.push(line) }),
  };
  return createWorker(deps, 1000);
}

describe.each([
  ['a literal private address', (port: number) => `http://127.0.0.1:${port}/hooks/paylink`],
  ['a name that now resolves to 127.0.0.1', (port: number) => `http://localhost:${port}/hooks`],
])('worker: a stored callback URL that is %s', (_, urlOf) => {
  it('is refused when connecting, recorded as destination_not_allowed, and not retried', async () => {
    const merchant = await createMerchant(t, { callback_url: urlOf(receiver.port) });
    await paidVaPayment(t, merchant);
    const worker = productionWorker();

    expect(await worker.runOnce()).toMatchObject({ attempted: 1 });
    expect(receiver.received).toHaveLength(0);
    const refused = await deliveryOf(t, merchant, PAID);
    expect(refused).toMatchObject({
      attempts: 1,
      last_status_code: null,
      last_error: 'destination_not_allowed',
      next_attempt_at: null,
      delivered_at: null,
    });
    expect(refused.failed_at).not.toBeNull();
    expect(lines.join('\n')).toMatch(/error=destination_not_allowed next_try="giving up"/);

    // Days later (the retry schedule would have tried 7 more times), still nothing.
    for (const days of [1, 2, 3]) {
      t.clock.set(new Date(Date.now() + days * DAY_MS));
      await worker.runOnce();
    }
    expect(receiver.received).toHaveLength(0);
    expect(await deliveryOf(t, merchant, PAID)).toMatchObject({ attempts: 1 });
  });

  it('is delivered by a worker with CALLBACK_ALLOW_PRIVATE=true (the same row)', async () => {
    const merchant = await createMerchant(t, { callback_url: urlOf(receiver.port) });
    await paidVaPayment(t, merchant);
    expect(await createWorker(t.deps, 1000).runOnce()).toMatchObject({ attempted: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(await deliveryOf(t, merchant, PAID)).toMatchObject({ last_status_code: 200 });
  });
});
