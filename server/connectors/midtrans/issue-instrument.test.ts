import { describe, expect, it } from 'vitest';
import { midtransAnswers } from '../../../tests/support/midtrans-answers.ts';
import {
  BASIC,
  CANCEL,
  CANCELLED,
  CHARGE,
  NOT_ALLOWED,
  NOW,
  PENDING,
  REFF,
  requestFor,
  SERVER_KEY,
  STATUS,
  TIMEOUT_MS,
  useMidtransConnector,
} from '../../../tests/support/midtrans-connector-fixture.ts';

const midtrans = useMidtransConnector();
const TOO_SLOW = { delayMs: TIMEOUT_MS * 25, body: midtransAnswers.bca(REFF) };

describe('issue, when Midtrans fails', () => {
  it('retries a timed-out charge under the same key and takes the replayed order', async () => {
    midtrans.script(CHARGE, TOO_SLOW, { body: midtransAnswers.bca(REFF) });
    const outcome = await midtrans.connector.issue(requestFor('VA_BCA'));

    expect(outcome).toMatchObject({ ok: true, instrument: { value: '812785002530231' } });
    expect(midtrans.calls()).toEqual([CHARGE, CHARGE]);
    const [first, replay] = midtrans.received;
    expect(replay!.headers['idempotency-key']).toBe(REFF);
    expect(replay!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(replay!.body).toEqual(first!.body);
  });

  it('cancels a pending order after two timeouts and reports it gone', async () => {
    midtrans.script(CHARGE, TOO_SLOW);
    midtrans.script(STATUS, PENDING);
    midtrans.script(CANCEL, CANCELLED);
    const outcome = await midtrans.connector.issue(requestFor('VA_BCA'));

    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: false });
    expect(midtrans.calls()).toEqual([CHARGE, CHARGE, STATUS, CANCEL]);
    expect(midtrans.received[3]!.headers.authorization).toBe(BASIC);
  });

  it('leaves the order to the caller when the cancel does not go through', async () => {
    midtrans.script(CHARGE, TOO_SLOW);
    midtrans.script(STATUS, PENDING);
    midtrans.script(CANCEL, NOT_ALLOWED);
    const outcome = await midtrans.connector.issue(requestFor('VA_BCA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: true });
  });

  it('takes "still running" (HTTP 202) on the retry as no answer', async () => {
    midtrans.script(CHARGE, TOO_SLOW, { status: 202, body: { status_code: '202' } });
    midtrans.script(STATUS, PENDING);
    midtrans.script(CANCEL, CANCELLED);
    const outcome = await midtrans.connector.issue(requestFor('VA_BCA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: false });
    expect(midtrans.calls()).toEqual([CHARGE, CHARGE, STATUS, CANCEL]);
  });

  it('withdraws the order a retry meets as a duplicate (Permata ignores the key)', async () => {
    midtrans.script(CHARGE, TOO_SLOW, {
      body: { status_code: '406', status_message: 'order_id has already been utilized' },
    });
    midtrans.script(STATUS, PENDING);
    midtrans.script(CANCEL, CANCELLED);
    const outcome = await midtrans.connector.issue(requestFor('VA_PERMATA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: false });
    expect(midtrans.calls()).toEqual([CHARGE, CHARGE, STATUS, CANCEL]);
  });

  it('reports that the order may exist when Midtrans is down altogether', async () => {
    await midtrans.close();
    const outcome = await midtrans.connector.issue(requestFor('VA_BCA'));
    expect(outcome).toEqual({
      ok: false,
      reason: 'unavailable',
      message: 'Midtrans did not make the payment: Midtrans could not be reached (ECONNREFUSED)',
      mayExist: true,
    });
  });

  it('reports that the order may exist when Midtrans answers 5xx to everything', async () => {
    const outcome = await midtrans.connector.issue(requestFor('VA_BCA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: true });
    expect(midtrans.calls()).toEqual([CHARGE, CHARGE, STATUS]);
  });

  it('takes an answer that is not JSON as no answer', async () => {
    midtrans.script(CHARGE, { raw: '<html>OK</html>' });
    midtrans.script(STATUS, { raw: '{"status_code":' });
    const outcome = await midtrans.connector.issue(requestFor('QRIS'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: true });
    expect(midtrans.calls()).toEqual([CHARGE, CHARGE, STATUS]);
  });

  it('cancels an order whose answer lacks the payment details', async () => {
    midtrans.script(CHARGE, { body: { ...midtransAnswers.qris(REFF), actions: [] } });
    midtrans.script(CANCEL, CANCELLED);
    const outcome = await midtrans.connector.issue(requestFor('QRIS'));
    expect(outcome).toMatchObject({ ok: false, reason: 'unavailable', mayExist: false });
    expect(midtrans.calls()).toEqual([CHARGE, CANCEL]);
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
    const outcome = await midtrans.connector.issue(requestFor('VA_BCA'));
    expect(outcome).toEqual({
      ok: false,
      reason: 'refused',
      message:
        'Midtrans refused the payment (406): order_id has been paid and utilized, please use another order ID',
      mayExist: true,
    });
    expect(midtrans.calls()).toEqual([CHARGE]);
  });

  it('reports a channel not enabled (402) as refused, with no order', async () => {
    midtrans.script(CHARGE, {
      status: 402,
      body: { status_code: '402', status_message: 'Payment channel is not activated.' },
    });
    const outcome = await midtrans.connector.issue(requestFor('GOPAY'));
    expect(outcome).toMatchObject({ ok: false, reason: 'refused', mayExist: false });
    expect(midtrans.calls()).toEqual([CHARGE]);
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
    const outcome = await midtrans.connector.issue(requestFor('VA_BCA'));
    expect(outcome).toMatchObject({ ok: false, reason: 'refused', mayExist: false });
    expect(!outcome.ok && outcome.message).toContain('gross_amount is not equal to the sum');
    expect(JSON.stringify(outcome)).not.toContain(SERVER_KEY);
  });

  it('asks nothing when too little time is left', async () => {
    const request = { ...requestFor('QRIS'), expiresAt: new Date(NOW.getTime() + 19_000) };
    expect(await midtrans.connector.issue(request)).toMatchObject({ ok: false, reason: 'refused' });
    expect(midtrans.calls()).toEqual([]);
  });
});
