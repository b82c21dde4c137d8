import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { midtransAnswers } from '../../../tests/support/midtrans-answers.ts';
import {
  type ScriptedMidtrans,
  startScriptedMidtrans,
} from '../../../tests/support/scripted-midtrans.ts';
import type { InstrumentRequest, PaymentConnector } from '../../domain/connector/connector.ts';
import { createMidtransConnector, MIDTRANS_CATALOG } from './index.ts';

/** The documented key and its documented Basic header (reference A.1). */
const SERVER_KEY = 'SB-Mid-server-abc123cde456';
const BASIC = 'Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6';
const NOTIFY = 'https://pay.example/providers/midtrans/notifications';
const REFF = 'PY0123456789ABCDEFGH';
const NOW = new Date('2026-12-07T11:28:12.400Z');
/** Generous for a loaded machine; a "too slow" answer comes far later than this. */
const TIMEOUT_MS = 400;

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

function requestFor(code: string): InstrumentRequest {
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

/** What was asked of the fake, in order: `METHOD path`. */
const calls = () => midtrans.received.map((r) => `${r.method} ${r.path}`);
const CHARGE = 'POST /v2/charge';
const STATUS = `GET /v2/${REFF}/status`;
const CANCEL = `POST /v2/${REFF}/cancel`;
const TOO_SLOW = { delayMs: TIMEOUT_MS * 25, body: midtransAnswers.bca(REFF) };
const PENDING = { body: { ...midtransAnswers.bca(REFF), transaction_status: 'pending' } };
const CANCELLED = {
  body: {
    status_code: '200',
    status_message: 'Success, transaction is canceled',
    order_id: REFF,
    transaction_status: 'cancel',
  },
};
const NOT_ALLOWED = {
  body: {
    status_code: '412',
    status_message: 'Merchant cannot modify the status of the transaction',
  },
};

describe('issue, when Midtrans fails', () => {
  it('retries a timed-out charge under the same key and takes the replayed order', async () => {
    midtrans.script(CHARGE, TOO_SLOW, { body: midtransAnswers.bca(REFF) });
    const outcome = await connector.issue(requestFor('VA_BCA'));

    expect(outcome).toMatchObject({ ok: true, instrument: { value: '812785002530231' } });
    expect(calls()).toEqual([CHARGE, CHARGE]);
    const [first, replay] = midtrans.received;
    expect(replay!.headers['idempotency-key']).toBe(REFF);
    expect(replay!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(replay!.body).toEqual(first!.body);
  });

  it('cancels a pending order after two timeouts and reports it gone', async () => {
    midtrans.script(CHARGE, TOO_SLOW);
    midtrans.script(STATUS, PENDING);
    midtrans.script(CANCEL, CANCELLED);
    const outcome = await connector.issue(requestFor('VA_BCA'));

    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: false });
    expect(calls()).toEqual([CHARGE, CHARGE, STATUS, CANCEL]);
    expect(midtrans.received[3]!.headers.authorization).toBe(BASIC);
  });

  it('leaves the order to the caller when the cancel does not go through', async () => {
    midtrans.script(CHARGE, TOO_SLOW);
    midtrans.script(STATUS, PENDING);
    midtrans.script(CANCEL, NOT_ALLOWED);
    const outcome = await connector.issue(requestFor('VA_BCA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: true });
  });

  it('takes "still running" (HTTP 202) on the retry as no answer', async () => {
    midtrans.script(CHARGE, TOO_SLOW, { status: 202, body: { status_code: '202' } });
    midtrans.script(STATUS, PENDING);
    midtrans.script(CANCEL, CANCELLED);
    const outcome = await connector.issue(requestFor('VA_BCA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: false });
    expect(calls()).toEqual([CHARGE, CHARGE, STATUS, CANCEL]);
  });

  it('withdraws the order a retry meets as a duplicate (Permata ignores the key)', async () => {
    midtrans.script(CHARGE, TOO_SLOW, {
      body: { status_code: '406', status_message: 'order_id has already been utilized' },
    });
    midtrans.script(STATUS, PENDING);
    midtrans.script(CANCEL, CANCELLED);
    const outcome = await connector.issue(requestFor('VA_PERMATA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: false });
    expect(calls()).toEqual([CHARGE, CHARGE, STATUS, CANCEL]);
  });

  it('reports that the order may exist when Midtrans is down altogether', async () => {
    await midtrans.close();
    const outcome = await connector.issue(requestFor('VA_BCA'));
    expect(outcome).toEqual({
      ok: false,
      reason: 'unavailable',
      message: 'Midtrans did not make the payment: Midtrans could not be reached (ECONNREFUSED)',
      mayExist: true,
    });
  });

  it('reports that the order may exist when Midtrans answers 5xx to everything', async () => {
    const outcome = await connector.issue(requestFor('VA_BCA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: true });
    expect(calls()).toEqual([CHARGE, CHARGE, STATUS]);
  });

  it('takes an answer that is not JSON as no answer', async () => {
    midtrans.script(CHARGE, { raw: '<html>OK</html>' });
    midtrans.script(STATUS, { raw: '{"status_code":' });
    const outcome = await connector.issue(requestFor('QRIS'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: true });
    expect(calls()).toEqual([CHARGE, CHARGE, STATUS]);
  });

  it('cancels an order whose answer lacks the payment details', async () => {
    midtrans.script(CHARGE, { body: { ...midtransAnswers.qris(REFF), actions: [] } });
    midtrans.script(CANCEL, CANCELLED);
    const outcome = await connector.issue(requestFor('QRIS'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: false });
    expect(calls()).toEqual([CHARGE, CANCEL]);
  });
});

describe('issue, when Midtrans says no', () => {
  it('reports a duplicate order id (406) as refused, with an order that exists', async () => {
    midtrans.script(CHARGE, {
      body: {
        status_code: '406',
        status_message: 'order_id has been paid and utilized, please use another order ID',
      },
    });
    const outcome = await connector.issue(requestFor('VA_BCA'));
    expect(outcome).toEqual({
      ok: false,
      reason: 'refused',
      message:
        'Midtrans refused the payment (406): order_id has been paid and utilized, please use another order ID',
      mayExist: true,
    });
    expect(calls()).toEqual([CHARGE]);
  });

  it('reports a channel not enabled (402) as refused, with no order', async () => {
    midtrans.script(CHARGE, {
      status: 402,
      body: { status_code: '402', status_message: 'Payment channel is not activated.' },
    });
    const outcome = await connector.issue(requestFor('GOPAY'));
    expect(outcome).toMatchObject({ ok: false, reason: 'refused', mayExist: false });
    expect(calls()).toEqual([CHARGE]);
  });

  it('names the fields of a validation error and never the server key', async () => {
    midtrans.script(CHARGE, {
      status: 400,
      body: {
        status_code: '400',
        status_message: 'One or more parameters in the payload is invalid.',
        validation_messages: ['transaction_details.gross_amount is not equal to the sum'],
      },
    });
    const outcome = await connector.issue(requestFor('VA_BCA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'refused', mayExist: false });
    expect(!outcome.ok && outcome.message).toContain('gross_amount is not equal to the sum');
    expect(JSON.stringify(outcome)).not.toContain(SERVER_KEY);
  });

  it('asks nothing when too little time is left', async () => {
    const request = { ...requestFor('QRIS'), expiresAt: new Date(NOW.getTime() + 19_000) };
    expect(await connector.issue(request)).toMatchObject({ ok: false, reason: 'refused' });
    expect(calls()).toEqual([]);
  });
});
