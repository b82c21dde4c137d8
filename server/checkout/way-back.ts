import type { ReturnToMerchant } from './checkout-types.ts';
import { merchantReturnUrl, type ReturnStatus } from './redirect-url.ts';

/**
 * How long after a payment or an expiry the page still sends the customer back by itself, when
 * the page saw it happen. Later (a bookmark, the back button, the link opened again), a page
 * that bounced the customer away every time would be a dead end: it offers a button instead.
 */
export const AUTOMATIC_RETURN_WINDOW_MS = 10 * 60_000;

export type WayBackInput = {
  redirectUrl: string | null;
  linkReffNo: string;
  status: ReturnStatus;
  paymentReffNo: string | null;
  /** When the payment was paid or the link or payment expired; null for a closed link. */
  happenedAt: Date | null;
  /** The page was open while it happened, and reloaded itself to show it (docs/decisions/023). */
  isWatched: boolean;
  now: Date;
};

/**
 * The way back to the merchant (SPEC §7), or null without a `redirect_url`. Automatic (the
 * 5-second countdown) only for a payment or expiry the customer just watched happen, within
 * AUTOMATIC_RETURN_WINDOW_MS; never from a closed link.
 */
export function wayBack(input: WayBackInput): ReturnToMerchant | null {
  if (!input.redirectUrl) return null;
  const age = input.happenedAt ? input.now.getTime() - input.happenedAt.getTime() : null;
  const isAutomatic =
    input.status !== 'closed' &&
    input.isWatched &&
    age !== null &&
    age <= AUTOMATIC_RETURN_WINDOW_MS;
  const url = merchantReturnUrl(input.redirectUrl, input);
  return { url, status: input.status, isAutomatic };
}
