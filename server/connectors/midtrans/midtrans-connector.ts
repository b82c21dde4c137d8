import type {
  CloseAction,
  CloseOutcome,
  GatewayState,
  PaymentConnector,
} from '../../domain/connector/connector.ts';
import { issueMidtransInstrument } from './issue-instrument.ts';
import { MIDTRANS_CATALOG } from './midtrans-catalog.ts';
import { createMidtransHttp, type MidtransHttp } from './midtrans-http.ts';
import { verifyNotification } from './notification.ts';
import { mapGatewayState } from './status-mapping.ts';

export type MidtransConnectorOptions = {
  serverKey: string;
  /** `MIDTRANS_BASE_URLS.sandbox`, `.production`, or an emulator's URL. */
  baseUrl: string;
  /** Sent as X-Override-Notification on each charge; null leaves the dashboard's URL. */
  notificationUrl?: string | null | undefined;
  /** Per call, body included. */
  timeoutMs?: number | undefined;
  fetch?: typeof fetch | undefined;
};

/**
 * Cancel and expire answer 200 and 407 when the order now refuses money, 412 when it had
 * already ended or been paid, 404 when it was never made (reference A.5).
 */
async function closeOrder(
  http: MidtransHttp,
  orderId: string,
  action: CloseAction,
): Promise<CloseOutcome> {
  const answer = action === 'cancel' ? await http.cancel(orderId) : await http.expire(orderId);
  if (answer.kind === 'ok') return 'closed';
  if (answer.kind === 'refused' && answer.statusCode === 412) return 'final';
  if (answer.kind === 'refused' && answer.statusCode === 404) return 'missing';
  return 'unavailable';
}

/** The order's state at Midtrans; an answer about another order is not believed. */
async function readOrderState(
  http: MidtransHttp,
  orderId: string,
): Promise<GatewayState | 'unavailable'> {
  const answer = await http.status(orderId);
  if (answer.kind === 'refused')
    return answer.statusCode === 404 ? { kind: 'missing' } : 'unavailable';
  if (answer.kind === 'unavailable') return 'unavailable';
  const answeredFor = answer.body['order_id'];
  if (typeof answeredFor === 'string' && answeredFor !== orderId) return 'unavailable';
  return mapGatewayState(answer.body) ?? 'unavailable';
}

/** The Midtrans Core API connector (SPEC §10): `PAYMENT_PROVIDER=midtrans`. */
export function createMidtransConnector(options: MidtransConnectorOptions): PaymentConnector {
  const http = createMidtransHttp({
    baseUrl: options.baseUrl,
    serverKey: options.serverKey,
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch,
  });
  const notificationUrl = options.notificationUrl ?? null;
  return {
    name: 'midtrans',
    isRemote: true,
    catalog: MIDTRANS_CATALOG,
    issue: (request) => issueMidtransInstrument(http, request, notificationUrl),
    close: (orderId, action) => closeOrder(http, orderId, action),
    status: (orderId) => readOrderState(http, orderId),
    readNotification: (body) => verifyNotification(body, options.serverKey),
  };
}
