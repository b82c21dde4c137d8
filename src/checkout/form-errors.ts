import type { CustomerField } from '../../server/domain/payment/bound-customer.ts';
import type { CheckoutFormState } from '../../server/http/checkout/checkout-routes.ts';
import { type Lang, translator } from '../i18n/messages.ts';
import {
  type CheckoutErrors,
  type CheckoutField,
  type CheckoutValues,
  type FieldProblem,
  checkCheckoutFields,
} from './checkout-fields.ts';

/** The server's field paths (`customer.email`) as the form's field names. */
const FIELD_OF_PATH: Readonly<Record<string, CheckoutField>> = {
  'customer.name': 'customer_name',
  'customer.email': 'customer_email',
  'customer.phone': 'customer_phone',
  method: 'method',
};

/**
 * What the server's verdict on the chosen method means when the method itself is fine: not
 * offered for this link, or not startable at the gateway just now (SPEC §10).
 */
const METHOD_PROBLEM_OF_CODE: Readonly<Record<string, FieldProblem>> = {
  METHOD_NOT_OFFERED: 'methodNotOffered',
  GATEWAY_UNAVAILABLE: 'methodUnavailable',
  METHOD_UNAVAILABLE: 'methodUnavailable',
};

/** When the server names a field the same rules find nothing wrong with. */
const FALLBACK_PROBLEM: Readonly<Record<CheckoutField, FieldProblem>> = {
  customer_name: 'nameTooLong',
  customer_email: 'emailInvalid',
  customer_phone: 'phoneInvalid',
  method: 'methodRequired',
};

export type FormProblems = {
  errors: CheckoutErrors;
  /** A failure that is no field's, such as a link that stopped accepting payments. */
  isFormFailure: boolean;
};

/**
 * A failed form post (no-JS path) as problems to show next to each field: the server's
 * verdict per field, worded by the same rules the browser uses, plus whatever else those
 * rules find, so the customer fixes everything in one round.
 */
export function formProblems(
  state: CheckoutFormState,
  asked: readonly CustomerField[],
): FormProblems {
  const local = checkCheckoutFields(state.fields, asked);
  const errors: CheckoutErrors = { ...local };
  const onForm = new Set<CheckoutField>(['method', ...asked.map((f) => `customer_${f}` as const)]);
  for (const path of Object.keys(state.errors)) {
    const field = FIELD_OF_PATH[path];
    // A detail the form does not ask for (one the merchant gave) cannot be fixed there: the
    // failure is shown for the form as a whole.
    if (!field || !onForm.has(field)) continue;
    const methodProblem = field === 'method' ? METHOD_PROBLEM_OF_CODE[state.code] : undefined;
    errors[field] = methodProblem ?? local[field] ?? FALLBACK_PROBLEM[field];
  }
  const isFormFailure = Object.keys(errors).length === 0;
  return { errors, isFormFailure };
}

/** A failed form as the pay form shows it again: what was typed, what is wrong, and why. */
export type FailedForm = {
  values: CheckoutValues;
  errors: CheckoutErrors;
  formError: string | null;
};

/**
 * The failed post shown again (docs/decisions/005, 023): on the post's own answer, and on the
 * link page the browser is sent on to. Over the payment-start limit the form says how long to
 * wait (SPEC §9).
 */
export function failedForm(
  posted: CheckoutFormState,
  asked: readonly CustomerField[],
  lang: Lang,
): FailedForm {
  const { errors, isFormFailure } = formProblems(posted, asked);
  const t = translator(lang);
  const seconds = posted.retryAfterSeconds;
  return {
    values: {
      customer_name: posted.fields.customer_name ?? '',
      customer_email: posted.fields.customer_email ?? '',
      customer_phone: posted.fields.customer_phone ?? '',
      method: posted.fields.method ?? '',
    },
    errors,
    formError: seconds ? t('formTooMany', { seconds }) : isFormFailure ? t('formFailed') : null,
  };
}
