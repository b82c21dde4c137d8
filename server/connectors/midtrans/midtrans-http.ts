import { type AnswerRules, type MidtransAnswer, readMidtransAnswer } from './midtrans-answer.ts';

export type { MidtransAnswer } from './midtrans-answer.ts';

/** Midtrans Core API hosts (reference A.1); an emulator is reached by its own base URL. */
export const MIDTRANS_BASE_URLS = {
  sandbox: 'https://api.sandbox.midtrans.com',
  production: 'https://api.midtrans.com',
} as const;

export type MidtransHttpOptions = {
  baseUrl: string;
  /** Sent only inside the Authorization header; never logged nor returned. */
  serverKey: string;
  timeoutMs: number;
  fetch?: typeof fetch | undefined;
};

export type ChargeHeaders = {
  /** Replays the stored success for 5 minutes; ≤ 46 characters, longer keys are ignored (A.1). */
  idempotencyKey?: string | undefined;
  /** Where this order's notifications go instead of the dashboard's URL (A.1). */
  overrideNotificationUrl?: string | null | undefined;
};

/** The four Core API calls Paylink makes (reference A.1, A.5). */
export type MidtransHttp = {
  charge: (body: object, headers?: ChargeHeaders) => Promise<MidtransAnswer>;
  status: (id: string) => Promise<MidtransAnswer>;
  cancel: (id: string) => Promise<MidtransAnswer>;
  expire: (id: string) => Promise<MidtransAnswer>;
};

/** Why a call got no answer, without the URL's or the request's details. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : 'network error';
  return `Midtrans could not be reached (${code})`;
}

/** A typed Core API client over `fetch`; every failure is an answer, never a throw. */
export function createMidtransHttp(options: MidtransHttpOptions): MidtransHttp {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? globalThis.fetch;
  const authorization = `Basic ${Buffer.from(`${options.serverKey}:`).toString('base64')}`;

  async function call(
    method: 'GET' | 'POST',
    path: string,
    rules: AnswerRules,
    body: object | null = null,
    extraHeaders: Record<string, string> = {},
  ): Promise<MidtransAnswer> {
    try {
      const response = await send(baseUrl + path, {
        method,
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          Authorization: authorization,
          ...extraHeaders,
        },
        body: body === null ? null : JSON.stringify(body),
        // The timeout covers the body too; a redirect would carry the key to another host.
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'error',
      });
      return readMidtransAnswer(response.status, await response.text(), rules);
    } catch (error) {
      return { kind: 'unavailable', reason: describeFailure(error, options.timeoutMs) };
    }
  }

  const orderPath = (id: string, action: string) => `/v2/${encodeURIComponent(id)}/${action}`;

  return {
    charge(body, headers = {}) {
      const extra: Record<string, string> = {};
      if (headers.idempotencyKey) extra['Idempotency-Key'] = headers.idempotencyKey;
      if (headers.overrideNotificationUrl) {
        extra['X-Override-Notification'] = headers.overrideNotificationUrl;
      }
      const rules = { isIdempotentPost: Boolean(headers.idempotencyKey) };
      return call('POST', '/v2/charge', rules, body, extra);
    },
    // 407 is how status reports an expired order, and how expire reports success (A.5).
    status: (id) => call('GET', orderPath(id, 'status'), { nonErrorCodes: [407] }),
    cancel: (id) => call('POST', orderPath(id, 'cancel'), {}),
    expire: (id) => call('POST', orderPath(id, 'expire'), { nonErrorCodes: [407] }),
  };
}
