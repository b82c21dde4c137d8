import type { Account } from '../domain/account/account.ts';
import { merchantContactOf } from '../domain/account/merchant-identity.ts';
import { normalizeIndonesianPhone } from '../domain/shared/indonesian-phone.ts';

/** How a customer reaches the merchant from the page (SPEC §7): shown where a page ends. */
export type MerchantContact = {
  email: string | null;
  phone: string | null;
  /** `tel:` with the number in E.164 where it reads as one, so a tap dials from abroad too. */
  phoneHref: string | null;
};

/**
 * The merchant's addresses as the checkout pages show them: the support email and phone, else
 * the account's own (merchantContactOf, as the mails use). Null when the merchant gave neither.
 */
export function merchantContact(
  account: Pick<Account, 'supportEmail' | 'supportPhone' | 'email' | 'phone'>,
): MerchantContact | null {
  const chosen = merchantContactOf(account);
  const email = chosen.email?.trim() || null;
  const phone = chosen.phone?.trim() || null;
  if (!email && !phone) return null;
  const dialable = phone && (normalizeIndonesianPhone(phone) ?? phone.replace(/[^\d+]/g, ''));
  return { email, phone, phoneHref: dialable ? `tel:${dialable}` : null };
}
