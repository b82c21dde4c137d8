import type { Deps } from '../deps.ts';
import { isPublicId } from '../domain/shared/ids.ts';

/** The time-left text of a page is written to the minute: render it again at least this often. */
const MAX_PAGE_AGE_MS = 60_000;

/**
 * What a rendered checkout page depends on, for the page cache (docs/decisions/009): its
 * link (whose row and payments the change feed watches) and the moment time alone would
 * change it — the link's or the pending payment's expiry, or a minute, whichever is first.
 * Null when there is no such link (such pages are not kept).
 */
export async function pageFreshness(
  deps: Deps,
  publicId: string,
  reffNo: string | null,
  renderedAt: Date,
): Promise<{ linkId: number; freshUntil: Date } | null> {
  const link = isPublicId(publicId) ? await deps.links.findByPublicId(publicId) : null;
  if (!link) return null;
  const found = reffNo ? await deps.payments.findByReffNo(reffNo) : null;
  const payment = found?.linkId === link.id ? found : null;
  const now = renderedAt.getTime();
  const moments = [
    now + MAX_PAGE_AGE_MS,
    link.expiredAt?.getTime(),
    payment?.status === 'pending' ? payment.expiresAt.getTime() : undefined,
  ].filter((at): at is number => at !== undefined && at > now);
  return { linkId: link.id, freshUntil: new Date(Math.min(...moments)) };
}
