import type { Merchant } from '../../support/merchant.ts';
import type { TestPaylink } from '../../support/test-paylink.ts';

/**
 * A client that talks to the in-process app the way one SingaPay SDK does on the wire. What
 * differs between SDKs (token request, headers, body and query encoding) is its Dialect
 * (sdk-dialects.ts); what they share is here: the token is fetched once and reused, and a 401
 * drops it and retries once with a fresh one.
 */

export type Credentials = Pick<Merchant, 'accountId' | 'apiKey' | 'clientId' | 'clientSecret'>;

export type Reply = { status: number; body: any; headers: Headers };

/** One request as it went on the wire. */
export type Sent = { method: string; url: string; headers: Record<string, string>; body?: string };

export type TokenRequest = { path: string; headers: Record<string, string>; body: string };

export type Dialect = {
  /** The token request this SDK builds at the client's `now`. */
  tokenRequest: (credentials: Credentials, now: Date) => TokenRequest;
  /** The headers of an authenticated call; `hasBody` when a JSON body goes with it. */
  callHeaders: (
    credentials: Credentials,
    token: string,
    hasBody: boolean,
  ) => Record<string, string>;
  encodeBody: (body: unknown) => string;
  encodeQuery: (query: Record<string, unknown>) => string;
};

export type CallOptions = { query?: Record<string, unknown>; body?: unknown };

export type SdkClient = {
  /** The SDK's own token request, answered as is. */
  requestToken: () => Promise<Reply>;
  /** An authenticated call as the SDK sends it (a 401 makes it take a new token and retry once). */
  call: (method: string, path: string, options?: CallOptions) => Promise<Reply>;
  /** Everything this client sent, in order. */
  sent: Sent[];
};

/** A client of this dialect for the merchant's credentials; its clock is the app's. */
export function createSdkClient(
  t: TestPaylink,
  credentials: Credentials,
  dialect: Dialect,
): SdkClient {
  const sent: Sent[] = [];
  let token: string | null = null;

  const send = async (
    method: string,
    url: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Reply> => {
    sent.push({ method, url, headers, ...(body === undefined ? {} : { body }) });
    const response = await t.app.request(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      headers: response.headers,
    };
  };

  const requestToken = () => {
    const request = dialect.tokenRequest(credentials, t.clock.now());
    return send('POST', request.path, request.headers, request.body);
  };

  const freshToken = async (): Promise<string> => {
    const reply = await requestToken();
    const value = reply.body?.data?.access_token;
    if (reply.status !== 200 || typeof value !== 'string') {
      throw new Error(`token refused: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    return value;
  };

  const attempt = async (method: string, path: string, options: CallOptions) => {
    token ??= await freshToken();
    const query = options.query ? dialect.encodeQuery(options.query) : '';
    const body = options.body === undefined ? undefined : dialect.encodeBody(options.body);
    const headers = dialect.callHeaders(credentials, token, body !== undefined);
    return send(method, query ? `${path}?${query}` : path, headers, body);
  };

  const call = async (method: string, path: string, options: CallOptions = {}) => {
    const first = await attempt(method, path, options);
    if (first.status !== 401) return first;
    token = null;
    return attempt(method, path, options);
  };

  return { requestToken, call, sent };
}
