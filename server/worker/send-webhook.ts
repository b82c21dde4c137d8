import type { AttemptOutcome } from '../domain/delivery/delivery.ts';

/** SPEC §6: a merchant gets 10 seconds to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs one signed callback. Any 2xx is delivered; anything else (another status, a timeout,
 * a refused connection) is a failed attempt to retry. Redirects are not followed: a callback
 * URL that moved must be changed by the merchant, not guessed by us.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<AttemptOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    // Read (and drop) the body so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300)
      return { ok: true, statusCode: response.status };
    return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.name === 'TimeoutError'
          ? 'timeout after 10 s'
          : error.message
        : String(error);
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, statusCode: null, error: cause ? `${reason} (${cause})` : reason };
  }
}
