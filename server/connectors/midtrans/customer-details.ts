import type { Customer } from '../../domain/payment-link/payment-link.ts';
import { normalizeIndonesianPhone } from '../../domain/shared/indonesian-phone.ts';
import { fitText } from './gateway-text.ts';

/** Midtrans `customer_details`; every field optional (Indomaret wants the object). */
export type MidtransCustomerDetails = { first_name?: string; email?: string; phone?: string };

/** BCA VA names are limited to 30 characters (reference A.6); the same cut suits every channel. */
const MAX_NAME = 30;
const MAX_EMAIL = 255;

/**
 * What Paylink knows of the customer, in Midtrans' shape. The whole name goes in
 * `first_name`: splitting Indonesian names into first and last is guesswork. A phone is sent
 * only as an Indonesian mobile number (`+628…`): BNI refuses one that does not start with
 * `+62` or `0`, and a refused charge would cost the customer the method.
 */
export function midtransCustomerDetails(customer: Customer | null): MidtransCustomerDetails {
  const details: MidtransCustomerDetails = {};
  const name = customer?.name ? fitText(customer.name, MAX_NAME) : '';
  if (name) details.first_name = name;
  const email = customer?.email?.trim() ?? '';
  if (email && email.length <= MAX_EMAIL && !/\s/.test(email)) details.email = email;
  const phone = customer?.phone ? normalizeIndonesianPhone(customer.phone) : null;
  if (phone) details.phone = phone;
  return details;
}
