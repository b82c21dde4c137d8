import { toRupiahLabel } from '../shared/money.ts';
import { toSingleLine } from './header.ts';
import type { MailContact, MailItems } from './mail.ts';
import type { MailLanguage } from './wib-label.ts';

/** A link's line as the mails get it (whole rupiah; a negative price is a discount). */
export type MailItemInput = { name: string; quantity: number; unitPrice: number };

/** The merchant's contact as the mails get it (support contact, else the account's own). */
export type MailContactInput = { email: string | null; phone: string | null };

const WORDS = {
  id: {
    items: 'Rincian pesanan',
    contact: 'Ada pertanyaan? Hubungi {merchant}:',
    phone: 'Telepon',
  },
  en: { items: 'Order details', contact: 'Questions? Contact {merchant}:', phone: 'Phone' },
} as const;

/** The order's lines, or null when the link has none (a link of one total amount). */
export function mailItems(
  items: readonly MailItemInput[] | null,
  language: MailLanguage,
): MailItems | null {
  if (!items || items.length === 0) return null;
  return {
    heading: WORDS[language].items,
    rows: items.map((item) => ({
      name: toSingleLine(item.name),
      detail: `${item.quantity} × ${toRupiahLabel(item.unitPrice)}`,
      amount: toRupiahLabel(item.quantity * item.unitPrice),
    })),
  };
}

/** Where to reach the merchant, or null when the account has neither email nor phone. */
export function mailContact(
  contact: MailContactInput,
  merchant: string,
  language: MailLanguage,
): MailContact | null {
  const email = contact.email ? toSingleLine(contact.email) : null;
  const phone = contact.phone ? toSingleLine(contact.phone) : null;
  if (!email && !phone) return null;
  return {
    heading: WORDS[language].contact.replace('{merchant}', merchant),
    email: email ? { label: 'Email', address: email } : null,
    phone: phone ? { label: WORDS[language].phone, number: phone } : null,
  };
}
