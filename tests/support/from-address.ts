import { rememberClientAddress } from '../../server/http/rate-limit/client-address.ts';
import type { TestPaylink } from './test-paylink.ts';

/**
 * Calls the in-process app as if over a socket from `address`: the server entry records the
 * peer on the Request the same way (server/adapter/node-entry.ts).
 */
export async function requestFrom(
  t: TestPaylink,
  address: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const request = new Request(new URL(path, 'http://localhost'), init);
  rememberClientAddress(request, address);
  return t.app.request(request);
}

/** The three parts of an answer over a limit that a client reads (SPEC §9). */
export async function readAnswer(response: Response) {
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: text.startsWith('{') ? JSON.parse(text) : text,
  };
}
