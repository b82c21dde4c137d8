/**
 * SPEC §7: after success or expiry the customer goes back to the merchant, with `reff_no`
 * (the link's), `status` and, when paid, `payment_id`; the merchant's own parameters stay.
 */
export function merchantReturnUrl(
  redirectUrl: string,
  params: { linkReffNo: string; status: 'paid' | 'expired'; paymentReffNo: string | null },
): string {
  const url = new URL(redirectUrl);
  url.searchParams.set('reff_no', params.linkReffNo);
  url.searchParams.set('status', params.status);
  if (params.status === 'paid' && params.paymentReffNo)
    url.searchParams.set('payment_id', params.paymentReffNo);
  else url.searchParams.delete('payment_id');
  return url.toString();
}
