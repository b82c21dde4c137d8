import { createHash, randomUUID } from 'node:crypto';
import type { MidtransEmulator } from './midtrans-emulator.ts';

/** An HTTP status and the parsed JSON body. */
export type ApiReply = { status: number; body: any; headers: Headers };

export type CoreApiClient = {
  charge: (body: unknown, headers?: Record<string, string>) => Promise<ApiReply>;
  status: (id: string) => Promise<ApiReply>;
  cancel: (id: string) => Promise<ApiReply>;
  expire: (id: string) => Promise<ApiReply>;
};

/** `Authorization: Basic base64(serverKey + ":")` (A.1). */
export function basicAuth(serverKey: string, password = ''): string {
  return `Basic ${Buffer.from(`${serverKey}:${password}`).toString('base64')}`;
}

/** Calls the emulator as a Core API client would, with the right server key by default. */
export function coreApiClient(
  emulator: MidtransEmulator,
  serverKey = emulator.serverKey,
): CoreApiClient {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiReply> => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        authorization: basicAuth(serverKey),
        accept: 'application/json',
        'content-type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
  return {
    charge: (body, headers) => call('POST', '/v2/charge', body, headers),
    status: (id) => call('GET', `/v2/${encodeURIComponent(id)}/status`),
    cancel: (id) => call('POST', `/v2/${encodeURIComponent(id)}/cancel`),
    expire: (id) => call('POST', `/v2/${encodeURIComponent(id)}/expire`),
  };
}

/** A fresh order id, unique across tests. */
export function newOrderId(prefix = 'order'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A minimal valid charge body for `paymentType`, with method fields merged from `extra`. */
export function chargeBody(
  paymentType: string,
  orderId: string,
  grossAmount: number,
  extra: Record<string, unknown> = {},
) {
  return {
    payment_type: paymentType,
    transaction_details: { order_id: orderId, gross_amount: grossAmount },
    ...extra,
  };
}

/** A BCA VA charge: the documented example (D.1). */
export function bcaCharge(orderId = newOrderId(), grossAmount = 44000) {
  return chargeBody('bank_transfer', orderId, grossAmount, { bank_transfer: { bank: 'bca' } });
}

/** Calls an emulator control under `/_sim/`. */
export async function sim(
  emulator: MidtransEmulator,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${emulator.url}/_sim/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/**
 * The signature a merchant computes for a notification or status body, written out here from
 * the documented formula (A.4) rather than taken from the emulator, so a test can catch it.
 */
export function merchantSideSignature(body: any, serverKey: string): string {
  return createHash('sha512')
    .update(`${body.order_id}${body.status_code}${body.gross_amount}${serverKey}`)
    .digest('hex');
}
