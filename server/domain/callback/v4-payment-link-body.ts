import type { PaymentLink } from '../payment-link/payment-link.ts';
import { isPublicId } from '../shared/ids.ts';
import { toWibIso } from '../shared/jakarta-time.ts';

/** v4 `status` (SPEC §4): pending (unpaid), paid, completed (settled), expired (unpaid). */
export type V4LinkStatus = 'pending' | 'paid' | 'completed' | 'expired';

/**
 * `paymentlink_<32 hex>`: the v4 id is the random tail of the public id (SPEC §1, §4), so it
 * reveals nothing the page URL does not and needs no column of its own.
 */
export function v4Id(publicId: string): string {
  if (!isPublicId(publicId)) throw new RangeError(`Not a public id: ${publicId}`);
  return `paymentlink_${publicId.slice(-32)}`;
}

/** `2021-12-05 22:05:26 +0700`: the v4 dialect's time format, in WIB (SPEC §4). */
export function formatV4Time(instant: Date): string {
  const iso = toWibIso(instant); // 2021-12-05T22:05:26+07:00
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0700`;
}

/** `10000` → `"10000.0"`: the v4 dialect's amount format (SPEC §4). */
export function formatV4Amount(rupiah: number): string {
  if (!Number.isSafeInteger(rupiah)) throw new RangeError(`Not a whole rupiah amount: ${rupiah}`);
  return `${rupiah}.0`;
}

export type V4BodyInput = {
  link: PaymentLink;
  status: V4LinkStatus;
  /** PUBLIC_BASE_URL, without a trailing slash. */
  baseUrl: string;
};

/**
 * The v4 payment-link object of SPEC §4, as the API answers and as v4 callbacks carry it
 * (SPEC §6). Absent values are `null`, never `{}` (reference §4.4).
 */
export function buildV4PaymentLinkBody({ link, status, baseUrl }: V4BodyInput) {
  return {
    data: {
      id: v4Id(link.publicId),
      type: 'payment_links' as const,
      attributes: {
        status,
        amount: formatV4Amount(link.totalAmount),
        referenceId: link.reffNo,
        createdAt: formatV4Time(link.createdAt),
        description: link.description ?? link.title,
        expiredAt: link.expiredAt ? formatV4Time(link.expiredAt) : null,
        paymentLinkUrl: `${baseUrl}/b2b/${link.publicId}`,
        customerName: link.customer?.name ?? null,
        customerEmail: link.customer?.email ?? null,
        customerPhoneNumber: link.customer?.phone ?? null,
        paymentMethodOptions: { displayName: link.displayName ?? null },
      },
    },
  };
}
