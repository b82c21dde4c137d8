import { createHash, createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callbackHeaders,
  normalizeForSignature,
  singapaySignature,
  standardWebhookSignature,
} from './sign-callback.ts';

const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const TIMESTAMP = 1762742798; // 10 Nov 2025 09:46:38 WIB
const BODY = '{"status":200,"success":true,"data":{"b":"Rp 10.000/Jl. Sudirman","a":[3,1]}}';
const URL_ = 'https://merchant.example/webhook/singapay?source=paylink';

/** Reference §4.4 written out again with node:crypto, independently of sign-callback.ts. */
function referenceSignature(a: {
  secret: string;
  endpoint: string;
  token: string;
  body: string;
  timestamp: string;
}): string {
  const sorted = JSON.stringify(JSON.parse(a.body), (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : value,
  );
  const hashed = createHash('sha256').update(sorted, 'utf8').digest('hex');
  const toSign = `POST:${a.endpoint}:${a.token}:${hashed}:${a.timestamp}`;
  return createHmac('sha512', Buffer.from(a.secret, 'utf8')).update(toSign, 'utf8').digest('hex');
}

const signed = (overrides: Partial<Parameters<typeof singapaySignature>[0]> = {}) =>
  singapaySignature({
    clientSecret: 'client-secret-1',
    method: 'POST',
    url: URL_,
    accessToken: 'random-token-1',
    body: BODY,
    timestamp: TIMESTAMP,
    ...overrides,
  });

describe('normalizeForSignature', () => {
  it('sorts keys recursively, keeps array order, escapes neither unicode nor slashes', () => {
    expect(
      normalizeForSignature('{ "z": {"y": 1, "b": [ {"d": 1, "c": 2}, 2 ]}, "a": "é/ü" }'),
    ).toBe('{"a":"é/ü","z":{"b":[{"c":2,"d":1},2],"y":1}}');
  });
});

describe('singapaySignature', () => {
  it('matches an independent implementation of reference §4.4', () => {
    const expected = referenceSignature({
      secret: 'client-secret-1',
      endpoint: '/webhook/singapay?source=paylink',
      token: 'random-token-1',
      body: BODY,
      timestamp: String(TIMESTAMP),
    });
    expect(signed()).toBe(expected);
    expect(signed()).toMatch(/^[0-9a-f]{128}$/);
  });

  it('does not depend on the key order or whitespace of the body sent', () => {
    const reordered =
      '{"data": {"a": [3, 1], "b": "Rp 10.000/Jl. Sudirman"}, "success": true, "status": 200}';
    expect(signed({ body: reordered })).toBe(signed());
  });

  it.each([
    ['path', { url: 'https://merchant.example/webhook/other?source=paylink' }],
    ['query', { url: 'https://merchant.example/webhook/singapay?source=other' }],
    ['token', { accessToken: 'random-token-2' }],
    ['timestamp', { timestamp: TIMESTAMP + 1 }],
    ['secret', { clientSecret: 'client-secret-2' }],
    ['body', { body: BODY.replace('[3,1]', '[1,3]') }],
  ])('changes when the %s changes', (_name, overrides) => {
    expect(signed(overrides)).not.toBe(signed());
  });

  it('ignores scheme, host and fragment, which are not part of the endpoint', () => {
    expect(signed({ url: 'http://other.example:8080/webhook/singapay?source=paylink#x' })).toBe(
      signed(),
    );
  });
});

describe('standardWebhookSignature', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(TIMESTAMP * 1000));
  });
  afterEach(() => vi.useRealTimers());

  const headersFor = (body: string, timestamp = TIMESTAMP) => ({
    'webhook-id': 'msg_2yZw6Pk1',
    'webhook-timestamp': String(timestamp),
    'webhook-signature': standardWebhookSignature({
      secret: WEBHOOK_SECRET,
      msgId: 'msg_2yZw6Pk1',
      timestamp,
      body,
    }),
  });

  it('is accepted by the standardwebhooks library', () => {
    expect(new Webhook(WEBHOOK_SECRET).verify(BODY, headersFor(BODY))).toStrictEqual(
      JSON.parse(BODY),
    );
  });

  it('is refused for another body, timestamp or id', () => {
    const webhook = new Webhook(WEBHOOK_SECRET);
    expect(() => webhook.verify(BODY.replace('200', '201'), headersFor(BODY))).toThrow();
    const otherTime = { ...headersFor(BODY), 'webhook-timestamp': String(TIMESTAMP + 1) };
    expect(() => webhook.verify(BODY, otherTime)).toThrow();
    expect(() =>
      webhook.verify(BODY, { ...headersFor(BODY), 'webhook-id': 'msg_other' }),
    ).toThrow();
  });

  it('matches the Standard Webhooks test vector', () => {
    expect(
      standardWebhookSignature({
        secret: WEBHOOK_SECRET,
        msgId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        timestamp: 1614265330,
        body: '{"test": 2432232314}',
      }),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('refuses a secret without the whsec_ prefix', () => {
    expect(() =>
      standardWebhookSignature({ secret: 'MfKQ9r8G', msgId: 'm', timestamp: 1, body: '' }),
    ).toThrow(RangeError);
  });

  it('callbackHeaders carries both signatures, each verifiable on its own', () => {
    const headers = callbackHeaders({
      body: BODY,
      url: URL_,
      webhookId: 'msg_2yZw6Pk1',
      timestamp: TIMESTAMP,
      clientSecret: 'client-secret-1',
      webhookSecret: WEBHOOK_SECRET,
      apiKey: 'api-key-1',
      accessToken: 'random-token-1',
    });
    expect(Object.keys(headers).sort()).toStrictEqual([
      'accept',
      'authorization',
      'content-type',
      'user-agent',
      'webhook-id',
      'webhook-signature',
      'webhook-timestamp',
      'x-partner-id',
      'x-signature',
      'x-timestamp',
    ]);
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'Paylink-Webhooks/1.0',
      'webhook-id': 'msg_2yZw6Pk1',
      'webhook-timestamp': String(TIMESTAMP),
      'x-partner-id': 'api-key-1',
      'x-timestamp': String(TIMESTAMP),
      authorization: 'Bearer random-token-1',
    });
    expect(new Webhook(WEBHOOK_SECRET).verify(BODY, headers)).toStrictEqual(JSON.parse(BODY));
    const token = headers['authorization']?.replace(/^Bearer /, '') ?? '';
    expect(headers['x-signature']).toBe(
      referenceSignature({
        secret: 'client-secret-1',
        endpoint: '/webhook/singapay?source=paylink',
        token,
        body: BODY,
        timestamp: headers['x-timestamp'] ?? '',
      }),
    );
  });
});
