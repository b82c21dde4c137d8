import { describe, expect, it } from 'vitest';
import { readMidtransAnswer } from './midtrans-answer.ts';

const json = (body: unknown) => JSON.stringify(body);

describe('readMidtransAnswer', () => {
  it('passes a success body on whole, extra fields included', () => {
    const answer = readMidtransAnswer(
      200,
      json({ status_code: '201', order_id: 'PY1', va_numbers: [{ bank: 'bca', va_number: '1' }] }),
    );
    expect(answer).toEqual({
      kind: 'ok',
      statusCode: 201,
      body: { status_code: '201', order_id: 'PY1', va_numbers: [{ bank: 'bca', va_number: '1' }] },
    });
  });

  it('refuses on a body code ≥ 400 behind HTTP 200 (reference A.5)', () => {
    const answer = readMidtransAnswer(
      200,
      json({ status_code: '412', status_message: 'Merchant cannot modify the status' }),
    );
    expect(answer).toEqual({
      kind: 'refused',
      statusCode: 412,
      message: 'Merchant cannot modify the status',
      validationMessages: [],
    });
  });

  it('refuses on an HTTP 4xx even when the body code says otherwise', () => {
    const answer = readMidtransAnswer(401, json({ status_code: '200' }));
    expect(answer).toMatchObject({ kind: 'refused', statusCode: 401 });
  });

  it('keeps validation messages, under either documented key', () => {
    const one = readMidtransAnswer(
      400,
      json({ status_code: '400', validation_messages: ['gross_amount must be > 0', 7] }),
    );
    const other = readMidtransAnswer(400, json({ status_code: '400', error_messages: ['bad'] }));
    expect(one).toMatchObject({ validationMessages: ['gross_amount must be > 0'] });
    expect(other).toMatchObject({ validationMessages: ['bad'] });
  });

  it('takes 407 as an answer only where the rules say so', () => {
    const expired = json({ status_code: '407', transaction_status: 'expire' });
    expect(readMidtransAnswer(200, expired, { nonErrorCodes: [407] })).toMatchObject({
      kind: 'ok',
      statusCode: 407,
    });
    expect(readMidtransAnswer(407, expired, { nonErrorCodes: [407] }).kind).toBe('ok');
    expect(readMidtransAnswer(200, expired).kind).toBe('refused');
  });

  it('accepts a numeric status code', () => {
    expect(readMidtransAnswer(200, json({ status_code: 201 }))).toMatchObject({
      kind: 'ok',
      body: { status_code: '201' },
    });
  });

  it.each([
    ['HTTP 500', 500, json({ status_code: '500' })],
    ['HTTP 502 with HTML', 502, '<html>Bad Gateway</html>'],
    ['body 503 behind HTTP 200', 200, json({ status_code: '503', status_message: 'Bank issue' })],
    ['HTTP 429', 429, json({ status_code: '429' })],
    ['not JSON', 200, 'OK'],
    ['JSON without a status code', 200, json({ order_id: 'PY1' })],
    ['a status code that is not one', 200, json({ status_code: 'two hundred' })],
    ['a JSON array', 200, json([{ status_code: '201' }])],
  ])('is unavailable on %s', (_name, status, text) => {
    expect(readMidtransAnswer(status, text).kind).toBe('unavailable');
  });

  it('is unavailable on HTTP 202 only for an idempotent POST', () => {
    const body = json({ status_code: '201' });
    expect(readMidtransAnswer(202, body, { isIdempotentPost: true }).kind).toBe('unavailable');
    expect(readMidtransAnswer(202, body).kind).toBe('ok');
  });

  it('bounds the gateway message', () => {
    const answer = readMidtransAnswer(
      400,
      json({ status_code: '400', status_message: 'x'.repeat(5000) }),
    );
    expect(answer.kind === 'refused' && answer.message.length).toBe(200);
  });
});
