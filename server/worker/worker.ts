import { expirePayment, settlePayment } from '../domain/payment/receive-payment.ts';
import type { Deps } from '../deps.ts';
import { errorFields } from '../logging/error-summary.ts';
import { databaseUnavailableReason } from '../store/database-unavailable.ts';
import { attemptDelivery } from './deliver.ts';
import {
  closeDueOrders,
  expireAtGateway,
  type GatewayPass,
  isAtGateway,
  reconcileDuePayments,
} from './gateway-work.ts';

/** How long a claimed delivery stays invisible to other workers (longer than one attempt). */
const LEASE_MS = 60_000;
const BATCH = 50;

export type WorkDone = {
  expired: number;
  settled: number;
  attempted: number;
  /** Gateway payments changed by a status look (SPEC §10). */
  reconciled: number;
  /** Orders ended at the gateway. */
  closed: number;
};

export type Worker = {
  /** One pass over all due work; tests call it directly with a moved clock. */
  runOnce: () => Promise<WorkDone>;
  start: () => void;
  stop: () => Promise<void>;
};

/**
 * The timed work of the server process (issue: payment lifecycle): expire payments at their
 * deadline, settle paid ones after SETTLEMENT_DELAY, and send due callbacks and mails; with a
 * gateway (SPEC §10) also ask it about late payments and end there what Paylink ended. With
 * several processes on one PostgreSQL each transition happens once (it re-checks the row
 * under lock) and each delivery is claimed by one worker at a time (SKIP LOCKED + lease).
 */
export function createWorker(deps: Deps, intervalMs: number): Worker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const runOnce = async (): Promise<WorkDone> => {
    const now = deps.clock();
    const gateway: GatewayPass = { isDown: false };
    let expired = 0;
    for (const payment of await deps.payments.findDueForExpiry(now, BATCH)) {
      if (isAtGateway(deps, payment)) {
        if (await expireAtGateway(deps, payment, now, gateway)) expired += 1;
      } else if ((await expirePayment(deps, payment.id)).ok) expired += 1;
    }
    const reconciled = await reconcileDuePayments(deps, now, gateway);
    const closed = await closeDueOrders(deps, now, gateway);
    let settled = 0;
    const paidBefore = new Date(now.getTime() - deps.config.SETTLEMENT_DELAY * 1000);
    for (const payment of await deps.payments.findDueForSettlement(paidBefore, BATCH)) {
      if ((await settlePayment(deps, payment.id)).ok) settled += 1;
    }
    const claimed = await deps.deliveries.claimDue(deps.clock(), LEASE_MS, BATCH);
    await Promise.all(claimed.map((delivery) => attemptDelivery(deps, delivery)));
    return { expired, settled, attempted: claimed.length, reconciled, closed };
  };

  // An outage is told once when it starts and once when it ends, not on every pass.
  let isWaitingForDatabase = false;
  const reportPass = (error: unknown) => {
    const reason = error === null ? null : databaseUnavailableReason(error);
    if (reason) {
      if (!isWaitingForDatabase) deps.log.warn('worker paused: database unreachable', { reason });
      isWaitingForDatabase = true;
      return;
    }
    if (isWaitingForDatabase) deps.log.info('worker resumed: database reachable again');
    isWaitingForDatabase = false;
    if (error !== null) deps.log.error('worker pass failed', errorFields(error, { stack: true }));
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then(
          () => reportPass(null),
          (error: unknown) => reportPass(error),
        )
        .finally(schedule);
    }, intervalMs);
  };

  return {
    runOnce,
    start: () => {
      stopped = false;
      schedule();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
