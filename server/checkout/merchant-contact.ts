import type { Account } from '../domain/account/account.ts';
import { normalizeIndonesianPhone } from '../domain/shared/indonesian-phone.ts';

/** How a customer reaches the merchant from the page (SPEC §7): shown where a page ends. */
export type MerchantContact = {
  email: string | null;
  phone: string | null;
  /** `tel:` with the number in E.164 where it reads as one, so a tap dials from abroad too. */
  phoneHref: string | null;
};

/**
 * The one place that decides which of the merchant's addresses the customer is shown: today
 * the account's email and phone. Null when the merchant gave neither.
 */
export function merchantContact(account: Pick<Account, 'email' | 'phone'>): MerchantContact | null {
  const email = account.email?.trim() || null;
  const phone = account.phone?.trim() || null;
  if (!email && !phone) return null;
  const dialable = phone && (normalizeIndonesianPhone(phone) ?? phone.replace(/[^\d+]/g, ''));
  return { email, phone, phoneHref: dialable ? `tel:${dialable}` : null };
}
