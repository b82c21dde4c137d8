import type { CloseAction, CloseOutcome } from './connector.ts';

/** An order to end at the gateway (SPEC §10), until the gateway says it is ended. */
export type GatewayClosing = {
  orderId: string;
  connector: string;
  action: CloseAction;
  attempts: number;
  dueAt: Date;
};

export type GatewayClosingStore = {
  /** Due closings, each hidden from other workers for `leaseMs` while this one tries it. */
  claimDue: (now: Date, leaseMs: number, limit: number) => Promise<GatewayClosing[]>;
  /** The gateway answered for good: closed, already final, or never made. */
  finish: (orderId: string, outcome: CloseOutcome, at: Date) => Promise<void>;
  /** The gateway did not answer: try again at `retryAt`. */
  retry: (orderId: string, at: Date, retryAt: Date) => Promise<void>;
};

/** Backoff between tries to reach a gateway that does not answer: 10 s, doubling, ≤ 15 min. */
export function closingRetryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
}
