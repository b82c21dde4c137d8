import { isFollowedRedirect, MAX_REDIRECTS } from './retry-policy.ts';

/** What one try got: the final HTTP status, or null with the reason when nothing came back. */
export type PostOutcome = { status: number | null; error: string | null };

/**
 * One notification try (A.4): a plain JSON POST with `User-Agent: Veritrans` and no auth,
 * following 307/308 with the same body; gives up after `timeoutMs` or when `stop` aborts.
 */
export async function postNotification(
  url: string,
  payload: string,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<PostOutcome> {
  let target = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Response;
    try {
      response = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'user-agent': 'Veritrans',
        },
        body: payload,
        redirect: 'manual',
        signal: AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]),
      });
      await response.arrayBuffer();
    } catch (error) {
      return { status: null, error: error instanceof Error ? error.message : String(error) };
    }
    const location = response.headers.get('location');
    if (!isFollowedRedirect(response.status) || location === null) {
      return { status: response.status, error: null };
    }
    target = new URL(location, target).href;
  }
  return { status: null, error: `more than ${MAX_REDIRECTS} redirects` };
}
