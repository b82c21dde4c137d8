/** Why the customer is sent back: SPEC §7's `paid` and `expired`, or a link that was closed. */
export type ReturnStatus = 'paid' | 'expired' | 'closed';

/**
 * SPEC §7: after success or expiry the customer goes back to the merchant, with `reff_no`
 * (the link's), `status` and, when paid, `payment_id`; the merchant's own parameters stay.
 * From a closed link (a button only, docs/decisions/023) only `reff_no` is added: SPEC's
 * `status` has no word for it, so neither `status` nor `payment_id` is sent.
 */
export function merchantReturnUrl(
  redirectUrl: string,
  params: { linkReffNo: string; status: ReturnStatus; paymentReffNo: string | null },
): string {
  const url = new URL(redirectUrl);
  url.searchParams.set('reff_no', params.linkReffNo);
  if (params.status === 'closed') url.searchParams.delete('status');
  else url.searchParams.set('status', params.status);
  if (params.status === 'paid' && params.paymentReffNo)
    url.searchParams.set('payment_id', params.paymentReffNo);
  else url.searchParams.delete('payment_id');
  return url.toString();
}
