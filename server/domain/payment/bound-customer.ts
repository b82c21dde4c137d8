import type { Customer, PaymentLink } from '../payment-link/payment-link.ts';
import { normalizeIndonesianPhone } from '../shared/indonesian-phone.ts';
import { type FieldErrors, failure, type Result, success } from '../shared/result.ts';

export const CUSTOMER_FIELDS = ['name', 'email', 'phone'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/**
 * The details a link is bound to: each one its merchant gave (v4 `customerName`,
 * `customerEmail`, `customerPhoneNumber`, SPEC §4; v1.0 `customer`, SPEC §3.2). The page
 * shows them instead of asking (docs/decisions/016).
 */
export function boundCustomerFields(link: PaymentLink): CustomerField[] {
  return CUSTOMER_FIELDS.filter((field) => Boolean(link.customer?.[field]));
}

/** SPEC §7: the details the page asks for: the required ones the merchant did not give. */
export function askedCustomerFields(link: PaymentLink): CustomerField[] {
  if (!link.requiredCustomerDetail) return [];
  const bound = boundCustomerFields(link);
  return CUSTOMER_FIELDS.filter((field) => !bound.includes(field));
}

/** Two spellings of one detail compare equal: `Budi  Santoso`/`budi santoso`, `08…`/`+628…`. */
const COMPARABLE: Record<CustomerField, (value: string) => string> = {
  name: (value) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase(),
  email: (value) => value.trim().toLowerCase(),
  phone: (value) => normalizeIndonesianPhone(value) ?? value.trim(),
};

const BOUND_MESSAGE: Record<CustomerField, string> = {
  name: 'This payment link is for a particular customer: the name cannot be changed.',
  email: 'This payment link is for a particular customer: the email cannot be changed.',
  phone: 'This payment link is for a particular customer: the phone number cannot be changed.',
};

/**
 * The customer a payment of `link` is made for. Each detail the merchant bound the link to is
 * the link's, so the receipt and the callback go where the merchant said; the others are the
 * payer's. Sending a bound detail again is fine; sending another value is refused with
 * CUSTOMER_BOUND naming the field, rather than silently replaced (docs/decisions/016).
 */
export function customerOfPayment(
  link: PaymentLink,
  submitted: Customer | null,
): Result<Customer | null> {
  const customer: Customer = { name: null, email: null, phone: null };
  const errors: FieldErrors = {};
  for (const field of CUSTOMER_FIELDS) {
    const bound = link.customer?.[field] || null;
    const given = submitted?.[field] || null;
    if (bound && given && COMPARABLE[field](bound) !== COMPARABLE[field](given)) {
      errors[`customer.${field}`] = [BOUND_MESSAGE[field]];
    }
    customer[field] = bound ?? given;
  }
  if (Object.keys(errors).length > 0) {
    return failure(
      'CUSTOMER_BOUND',
      'This payment link is for a particular customer, whose details the merchant gave: they cannot be changed.',
      errors,
    );
  }
  return success(customer.name || customer.email || customer.phone ? customer : null);
}
