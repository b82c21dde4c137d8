import { afterEach, beforeEach } from 'vitest';
import {
  createMidtransConnector,
  MIDTRANS_CATALOG,
} from '../../server/connectors/midtrans/index.ts';
import type {
  InstrumentRequest,
  PaymentConnector,
} from '../../server/domain/connector/connector.ts';
import { midtransAnswers } from './midtrans-answers.ts';
import { type ScriptedMidtrans, startScriptedMidtrans } from './scripted-midtrans.ts';

/** The documented key and its documented Basic header (reference A.1). */
export const SERVER_KEY = 'SB-Mid-server-abc123cde456';
export const BASIC = 'Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6';
export const NOTIFY = 'https://pay.example/providers/midtrans/notifications';
export const REFF = 'PY0123456789ABCDEFGH';
export const NOW = new Date('2026-12-07T11:28:12.400Z');
/** Generous for a loaded machine; a "too slow" answer comes far later than this. */
export const TIMEOUT_MS = 400;

/** The routes the connector calls for order REFF, as `ScriptedMidtrans.script` names them. */
export const CHARGE = 'POST /v2/charge';
export const STATUS = `GET /v2/${REFF}/status`;
export const CANCEL = `POST /v2/${REFF}/cancel`;
export const EXPIRE = `POST /v2/${REFF}/expire`;

export const PENDING = { body: { ...midtransAnswers.bca(REFF), transaction_status: 'pending' } };
export const CANCELLED = {
  body: {
    status_code: '200',
    status_message: 'Success, transaction is canceled',
    order_id: REFF,
    transaction_status: 'cancel',
  },
};
export const NOT_ALLOWED = {
  body: {
    status_code: '412',
    status_message: 'Merchant cannot modify the status of the transaction',
  },
};

/** A 44.000 rupiah payment REFF by the catalog method `code`, made at NOW for 15 minutes. */
export function requestFor(code: string): InstrumentRequest {
  const method = MIDTRANS_CATALOG.find((m) => m.code === code);
  if (!method) throw new Error(code);
  return {
    reffNo: REFF,
    method,
    amount: 44_000,
    now: NOW,
    expiresAt: new Date(NOW.getTime() + 15 * 60 * 1000),
    merchantName: 'Toko Budi',
    customer: { name: 'Budi', email: 'budi@example.com', phone: null },
    returnUrl: `https://pay.example/b2b/abc/payments/${REFF}`,
  };
}

/** The running test's scripted Midtrans, and the connector under test aimed at it. */
export type MidtransConnectorFixture = ScriptedMidtrans & {
  /** Made with SERVER_KEY, NOTIFY and TIMEOUT_MS. */
  readonly connector: PaymentConnector;
  /** What was asked of the fake, in order: `METHOD path`. */
  calls: () => string[];
};

/**
 * Registers hooks that start a scripted Midtrans and a connector for it before each test and
 * stop it after; the answer reads through to the running test's pair.
 */
export function useMidtransConnector(): MidtransConnectorFixture {
  let midtrans: ScriptedMidtrans;
  let connector: PaymentConnector;
  beforeEach(async () => {
    midtrans = await startScriptedMidtrans();
    connector = createMidtransConnector({
      serverKey: SERVER_KEY,
      baseUrl: midtrans.baseUrl,
      notificationUrl: NOTIFY,
      timeoutMs: TIMEOUT_MS,
    });
  });
  afterEach(() => midtrans.close());
  return {
    get baseUrl() {
      return midtrans.baseUrl;
    },
    get received() {
      return midtrans.received;
    },
    script: (route, ...replies) => midtrans.script(route, ...replies),
    close: () => midtrans.close(),
    get connector() {
      return connector;
    },
    calls: () => midtrans.received.map((r) => `${r.method} ${r.path}`),
  };
}
