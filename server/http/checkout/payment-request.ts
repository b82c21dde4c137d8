import type { Context } from 'hono';
import * as v from 'valibot';
import type { StartPaymentInput } from '../../domain/payment/start-payment.ts';
import { failure, type Result, success } from '../../domain/shared/result.ts';
import {
  EmailSchema,
  IndonesianPhoneSchema,
  jsonObject,
  optionalText,
} from '../api-v1/field-schemas.ts';
import { readJson, validate } from '../read-body.ts';

const optionalEmail = v.nullish(v.union([v.literal(''), EmailSchema], 'Must be an email address.'));
const optionalPhone = v.nullish(
  v.union(
    [v.literal(''), IndonesianPhoneSchema],
    'Must be an Indonesian mobile number (08… or +628…).',
  ),
);

/**
 * SPEC §7: `{method, customer?: {name, email, phone}}`, as JSON or as form fields. Any short
 * printable code is read as a method choice, so that one not in the catalog (`va_bri`,
 * `VA_FOO`) gets the same METHOD_NOT_OFFERED as one the link does not offer.
 */
const MethodSchema = v.pipe(
  v.string('Choose a payment method.'),
  v.regex(/^[\x20-\x7e]{1,40}$/, 'Choose a payment method.'),
);
const customerName = optionalText(255);

export const PaymentRequestSchema = v.object({
  method: MethodSchema,
  customer: v.nullish(
    jsonObject({ name: customerName, email: optionalEmail, phone: optionalPhone }),
  ),
});

/** The same request as the page's form fields; read into PaymentRequestSchema's shape. */
export const PaymentFormSchema = v.object({
  method: MethodSchema,
  customer_name: customerName,
  customer_email: optionalEmail,
  customer_phone: optionalPhone,
});

/** What the customer sent, and whether it came as a form (to answer with a page) or JSON. */
export type PaymentRequest = {
  isForm: boolean;
  /** The form fields as typed, to fill the form again when it has errors. */
  fields: Record<string, string>;
  input: Result<StartPaymentInput>;
};

export function isFormPost(c: Context): boolean {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  return (
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
  );
}

/** Reads a payment request from a form post (`method`, `customer_name`…) or a JSON body. */
export async function readPaymentRequest(c: Context): Promise<PaymentRequest> {
  if (!isFormPost(c)) {
    const json = await readJson(c);
    return { isForm: false, fields: {}, input: json.ok ? toInput(json.value) : json };
  }
  // A multipart body without a boundary, or cut short, makes the parser throw: that is the
  // client's malformed body, not our failure.
  const form = await c.req.parseBody().catch(() => null);
  if (!form) {
    return {
      isForm: true,
      fields: {},
      input: failure('MALFORMED_BODY', 'The form could not be read.'),
    };
  }
  const fields = Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const hasCustomer = ['customer_name', 'customer_email', 'customer_phone'].some(
    (key) => key in fields,
  );
  const body = {
    method: fields.method,
    customer: hasCustomer
      ? { name: fields.customer_name, email: fields.customer_email, phone: fields.customer_phone }
      : null,
  };
  return { isForm: true, fields, input: toInput(body) };
}

function toInput(body: unknown): Result<StartPaymentInput> {
  const checked = validate(PaymentRequestSchema, body);
  if (!checked.ok) return checked;
  const customer = checked.value.customer;
  const normalized = customer
    ? { name: customer.name || null, email: customer.email || null, phone: customer.phone || null }
    : null;
  const hasAny =
    normalized !== null && Boolean(normalized.name || normalized.email || normalized.phone);
  return success({ methodCode: checked.value.method, customer: hasAny ? normalized : null });
}
