import type { TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CHECKOUT_FIELDS,
  type CheckoutErrors,
  type CheckoutField,
  type CheckoutValues,
  type FieldProblem,
  checkCheckoutFields,
} from '../checkout/checkout-fields.ts';
import ErrorSummary, { type SummaryItem } from './ErrorSummary.tsx';
import MethodFieldsets, { type MethodGroupChoice } from './MethodFieldsets.tsx';
import TextField from './TextField.tsx';

export type CheckoutFormText = Record<
  | 'errorSummary'
  | 'errorPrefix'
  | 'customerHeading'
  | 'customerIntro'
  | 'nameLabel'
  | 'emailLabel'
  | 'phoneLabel'
  | 'phoneHint'
  | 'methodHeading'
  | 'submit',
  string
>;

export type CheckoutFormProps = {
  action: string;
  requiresCustomer: boolean;
  values: CheckoutValues;
  /** Problems found on the server (a failed post), shown from the start. */
  errors: CheckoutErrors;
  formError: string | null;
  groups: MethodGroupChoice[];
  text: CheckoutFormText;
  problems: Record<FieldProblem, string>;
};

/**
 * The problems in the form as filled; null when this browser cannot run the check (an old
 * WebView without `String.prototype.isWellFormed`): the server checks the post anyway.
 */
function checkForm(form: HTMLFormElement, requiresCustomer: boolean): CheckoutErrors | null {
  try {
    return checkCheckoutFields(readValues(form), requiresCustomer);
  } catch {
    return null;
  }
}

function readValues(form: HTMLFormElement): CheckoutValues {
  const data = new FormData(form);
  const values: CheckoutValues = {};
  for (const field of CHECKOUT_FIELDS) {
    const value = data.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/**
 * The pay form (SPEC §7): a plain form post that works without JavaScript; once hydrated it
 * checks the same rules before sending and keeps errors next to their fields and in a summary.
 */
export default function CheckoutForm(props: CheckoutFormProps) {
  const { text, problems, groups } = props;
  const [errors, setErrors] = useState(props.errors);
  const [formError, setFormError] = useState(props.formError);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const hasServerErrors = Object.keys(props.errors).length > 0 || props.formError !== null;

  useEffect(() => {
    if (hasServerErrors || failedSubmits > 0) summaryRef.current?.focus();
  }, [hasServerErrors, failedSubmits]);

  const onSubmit = (event: TargetedEvent<HTMLFormElement, SubmitEvent>) => {
    const found = checkForm(event.currentTarget, props.requiresCustomer);
    setFormError(null);
    if (!found || Object.keys(found).length === 0) return;
    event.preventDefault();
    setErrors(found);
    setFailedSubmits((count) => count + 1);
  };

  // Once a field is flagged, it is checked again as the customer corrects it.
  const onInput = (event: TargetedEvent<HTMLFormElement>) => {
    const found =
      Object.keys(errors).length > 0 && checkForm(event.currentTarget, props.requiresCustomer);
    if (!found) return;
    const still: CheckoutErrors = {};
    for (const field of CHECKOUT_FIELDS)
      if (errors[field] && found[field]) still[field] = found[field];
    setErrors(still);
  };

  const errorOf = (field: CheckoutField) => {
    const problem = errors[field];
    return problem && problems[problem];
  };
  const targetOf = (field: CheckoutField) =>
    field === 'method' ? `#method-${groups[0]?.methods[0]?.code ?? ''}` : `#${field}`;
  const summary: SummaryItem[] = CHECKOUT_FIELDS.filter((field) => errors[field]).map((field) => ({
    href: targetOf(field),
    message: errorOf(field) ?? '',
  }));
  if (formError) summary.unshift({ href: null, message: formError });

  const field = { errorPrefix: text.errorPrefix, required: true };
  return (
    <form method="post" action={props.action} noValidate onSubmit={onSubmit} onInput={onInput}>
      <ErrorSummary title={text.errorSummary} items={summary} summaryRef={summaryRef} />
      {props.requiresCustomer && (
        <section class="customer" aria-labelledby="customer-heading">
          <h2 id="customer-heading">{text.customerHeading}</h2>
          <p class="section-intro">{text.customerIntro}</p>
          <TextField
            {...field}
            id="customer_name"
            label={text.nameLabel}
            autoComplete="name"
            defaultValue={props.values.customer_name}
            error={errorOf('customer_name')}
          />
          <TextField
            {...field}
            id="customer_email"
            label={text.emailLabel}
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="off"
            spellcheck={false}
            defaultValue={props.values.customer_email}
            error={errorOf('customer_email')}
          />
          <TextField
            {...field}
            id="customer_phone"
            label={text.phoneLabel}
            hint={text.phoneHint}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            defaultValue={props.values.customer_phone}
            error={errorOf('customer_phone')}
          />
        </section>
      )}
      <MethodFieldsets
        heading={text.methodHeading}
        groups={groups}
        selected={props.values.method}
        error={errorOf('method')}
        errorPrefix={text.errorPrefix}
      />
      <button type="submit" class="button button-pay">
        {text.submit}
      </button>
    </form>
  );
}
