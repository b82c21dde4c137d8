import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AttemptOutcome } from '../domain/delivery/delivery.ts';
import { isPublicAddress, literalAddressOf } from '../security/callback-destination.ts';
import { DestinationNotAllowedError, publicOnlyLookup } from '../security/public-only-lookup.ts';

/** SPEC §6: a merchant gets 10 seconds to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * SPEC §6: all the delivery log says of an attempt that got no HTTP status. Socket errors
 * are never passed on: ECONNREFUSED against ECONNRESET would map a network port by port.
 */
export type ConnectionFailure = 'timeout' | 'connection_failed' | 'destination_not_allowed';

type Agents = { http: HttpAgent; https: HttpsAgent };

// Agents of their own (no keep-alive), so that no socket opened elsewhere without the
// check is ever reused for a callback.
const PUBLIC_ONLY: Agents = {
  http: new HttpAgent({ lookup: publicOnlyLookup }),
  https: new HttpsAgent({ lookup: publicOnlyLookup }),
};
const ANY_ADDRESS: Agents = { http: new HttpAgent(), https: new HttpsAgent() };

class DeadlineError extends Error {}

/** POSTs and resolves with the status as soon as it arrives; the body is read and dropped. */
function postForStatus(
  url: URL,
  body: string,
  headers: Record<string, string>,
  agents: Agents,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // node:http never follows redirects: a callback URL that moved must be changed by the
    // merchant, not guessed by us (and a redirect could point anywhere).
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: url.protocol === 'https:' ? agents.https : agents.http,
        signal,
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.on('error', () => undefined);
        response.resume();
      },
    );
    request.on('error', (error) => reject(signal.aborted ? new DeadlineError() : error));
    request.end(body);
  });
}

function failureOf(error: unknown): ConnectionFailure {
  if (error instanceof DestinationNotAllowedError) return 'destination_not_allowed';
  const code = (error as { code?: unknown }).code;
  if (error instanceof DeadlineError || code === 'ETIMEDOUT') return 'timeout';
  return 'connection_failed';
}

/**
 * POSTs one signed callback. Any 2xx is delivered; another status, a timeout or a failed
 * connection is an attempt to retry. Unless `allowPrivate`, the address connected to must be
 * public (SPEC §6): a literal one is judged here, a name by the lookup of each connection. A
 * refused destination is final: it is not retried (docs/decisions/011-callback-destinations.md).
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean; timeoutMs?: number },
): Promise<AttemptOutcome> {
  const target = new URL(url);
  const literal = literalAddressOf(target);
  if (!options.allowPrivate && literal !== null && !isPublicAddress(literal)) {
    return { ok: false, statusCode: null, error: 'destination_not_allowed', isFinal: true };
  }
  const agents = options.allowPrivate ? ANY_ADDRESS : PUBLIC_ONLY;
  try {
    const status = await postForStatus(
      target,
      body,
      headers,
      agents,
      options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
    );
    if (status >= 200 && status < 300) return { ok: true, statusCode: status };
    return { ok: false, statusCode: status, error: `HTTP ${status}` };
  } catch (error) {
    const failure = failureOf(error);
    return {
      ok: false,
      statusCode: null,
      error: failure,
      ...(failure === 'destination_not_allowed' ? { isFinal: true } : {}),
    };
  }
}
