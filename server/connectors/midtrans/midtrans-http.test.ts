import { describe, expect, it } from 'vitest';
import { createMidtransHttp } from './midtrans-http.ts';

/** The documented key and its documented header (reference A.1). */
const SERVER_KEY = 'SB-Mid-server-abc123cde456';
const BASIC = 'Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6';

type Sent = { url: string; init: RequestInit };

function answering(status: number, body: unknown) {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    return new Response(JSON.stringify(body), { status });
  };
  const http = createMidtransHttp({
    baseUrl: 'https://midtrans.test/',
    serverKey: SERVER_KEY,
    timeoutMs: 1_000,
    fetch: fetch as typeof globalThis.fetch,
  });
  return { http, sent };
}

const headersOf = (sent: Sent) => new Headers(sent.init.headers);

describe('createMidtransHttp', () => {
  it('posts a charge as JSON with Basic auth of the server key and an empty password', async () => {
    const { http, sent } = answering(200, { status_code: '201' });
    const answer = await http.charge({ payment_type: 'qris' });
    expect(answer.kind).toBe('ok');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://midtrans.test/v2/charge');
    expect(sent[0]!.init.method).toBe('POST');
    expect(sent[0]!.init.body).toBe('{"payment_type":"qris"}');
    expect(sent[0]!.init.redirect).toBe('error');
    const headers = headersOf(sent[0]!);
    expect(headers.get('authorization')).toBe(BASIC);
    expect(headers.get('accept')).toBe('application/json');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.has('idempotency-key')).toBe(false);
    expect(headers.has('x-override-notification')).toBe(false);
  });

  it('sends the idempotency key and the notification override when given', async () => {
    const { http, sent } = answering(200, { status_code: '201' });
    await http.charge(
      {},
      { idempotencyKey: 'PY123', overrideNotificationUrl: 'https://pay.test/notify' },
    );
    const headers = headersOf(sent[0]!);
    expect(headers.get('idempotency-key')).toBe('PY123');
    expect(headers.get('x-override-notification')).toBe('https://pay.test/notify');
  });

  it('takes HTTP 202 on an idempotent charge as "still running"', async () => {
    const { http } = answering(202, { status_code: '201' });
    expect((await http.charge({}, { idempotencyKey: 'PY1' })).kind).toBe('unavailable');
  });

  it('reads the status by GET and cancels and expires by bodiless POST', async () => {
    const { http, sent } = answering(200, { status_code: '200' });
    await http.status('PY 1/2');
    await http.cancel('PY1');
    await http.expire('PY1');
    expect(sent.map((s) => [s.init.method, s.url, s.init.body])).toEqual([
      ['GET', 'https://midtrans.test/v2/PY%201%2F2/status', null],
      ['POST', 'https://midtrans.test/v2/PY1/cancel', null],
      ['POST', 'https://midtrans.test/v2/PY1/expire', null],
    ]);
  });

  it('takes 407 as success for expire and status, not for cancel', async () => {
    const { http } = answering(200, { status_code: '407', transaction_status: 'expire' });
    expect((await http.expire('PY1')).kind).toBe('ok');
    expect((await http.status('PY1')).kind).toBe('ok');
    expect((await http.cancel('PY1')).kind).toBe('refused');
  });

  it('gives up after the timeout', async () => {
    const fetch = (_url: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const http = createMidtransHttp({
      baseUrl: 'https://midtrans.test',
      serverKey: SERVER_KEY,
      timeoutMs: 20,
      fetch: fetch as typeof globalThis.fetch,
    });
    expect(await http.status('PY1')).toEqual({
      kind: 'unavailable',
      reason: 'no answer within 20 ms',
    });
  });

  it('answers a network failure without the server key in it', async () => {
    const fetch = async () => {
      throw new TypeError(`fetch failed ${SERVER_KEY}`, { cause: { code: 'ECONNREFUSED' } });
    };
    const http = createMidtransHttp({
      baseUrl: 'https://midtrans.test',
      serverKey: SERVER_KEY,
      timeoutMs: 1_000,
      fetch: fetch as typeof globalThis.fetch,
    });
    const answer = await http.charge({});
    expect(answer).toEqual({
      kind: 'unavailable',
      reason: 'Midtrans could not be reached (ECONNREFUSED)',
    });
    expect(JSON.stringify(answer)).not.toContain(SERVER_KEY);
  });
});
