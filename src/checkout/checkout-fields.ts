import { safeParse } from 'valibot';
import type { CustomerField } from '../../server/domain/payment/bound-customer.ts';
import {
  EmailSchema,
  IndonesianPhoneSchema,
  requiredText,
} from '../../server/http/api-v1/field-schemas.ts';

/**
 * The pay form's fields, named as `POST /b2b/{id}/payments` reads them (SPEC §7). The same
 * rules run in the browser (the pay form's script) and on the server (the 422 page), and they are
 * the server's own schemas, so both sides agree on what a valid email or phone number is.
 */
export const CHECKOUT_FIELDS = [
  // In the order the form shows them: the method first, so it starts on the first screen.
  'method',
  'customer_name',
  'customer_email',
  'customer_phone',
] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];
export type CheckoutValues = Partial<Record<CheckoutField, string>>;

/** What can be wrong with a field; each is also a message key of the catalogs. */
export type FieldProblem =
  | 'nameRequired'
  | 'nameTooLong'
  | 'emailRequired'
  | 'emailInvalid'
  | 'phoneRequired'
  | 'phoneInvalid'
  | 'methodRequired'
  | 'methodNotOffered'
  | 'methodUnavailable';
export type CheckoutErrors = Partial<Record<CheckoutField, FieldProblem>>;

const NameSchema = requiredText(255);

function customerProblems(values: CheckoutValues, asked: readonly CustomerField[]): CheckoutErrors {
  const errors: CheckoutErrors = {};
  const name = values.customer_name ?? '';
  const email = values.customer_email?.trim() ?? '';
  const phone = values.customer_phone?.trim() ?? '';
  if (asked.includes('name')) {
    if (name.trim() === '') errors.customer_name = 'nameRequired';
    else if (!safeParse(NameSchema, name).success) errors.customer_name = 'nameTooLong';
  }
  if (asked.includes('email')) {
    if (email === '') errors.customer_email = 'emailRequired';
    else if (!safeParse(EmailSchema, email).success) errors.customer_email = 'emailInvalid';
  }
  if (asked.includes('phone')) {
    if (phone === '') errors.customer_phone = 'phoneRequired';
    else if (!safeParse(IndonesianPhoneSchema, phone).success)
      errors.customer_phone = 'phoneInvalid';
  }
  return errors;
}

/**
 * Checks the pay form as the customer filled it: a method is chosen and the details the form
 * asks for (`asked`: the link requires them and its merchant did not give them) are there:
 * name, email and an Indonesian mobile number (`08…`, `628…` or `+628…`). Answers the problems by
 * field; an empty object means the form may be sent.
 */
export function checkCheckoutFields(
  values: CheckoutValues,
  asked: readonly CustomerField[],
): CheckoutErrors {
  const errors = customerProblems(values, asked);
  if (!values.method) errors.method = 'methodRequired';
  return errors;
}
