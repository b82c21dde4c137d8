import type { CustomerField } from '../../../server/domain/payment/bound-customer.ts';
import {
  CHECKOUT_FIELDS,
  type CheckoutErrors,
  type CheckoutValues,
  type FieldProblem,
  checkCheckoutFields,
} from '../checkout-fields.ts';
import { remainingErrors, summaryItems } from '../form-state.ts';
import { showFieldErrors, showSummary } from './pay-form-errors.ts';

/** What PayForm.astro puts on the form for this script (data-* attributes). */
type FormSetup = {
  /** The customer details the form asks for (the link's required ones the merchant did not give). */
  asked: CustomerField[];
  problems: Record<FieldProblem, string>;
  summaryTitle: string;
  errorPrefix: string;
  firstMethod: string;
};

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
 * The problems in the form as filled; null when this browser cannot run the check (an old
 * WebView without `String.prototype.isWellFormed`): the server checks the post anyway.
 */
function checkForm(form: HTMLFormElement, asked: readonly CustomerField[]): CheckoutErrors | null {
  try {
    return checkCheckoutFields(readValues(form), asked);
  } catch {
    return null;
  }
}

/** The summary's links move focus to their field, centred, rather than only scrolling. */
function focusTarget(event: MouseEvent): void {
  const link = (event.target as Element).closest?.('.error-summary a[href^="#"]');
  const target = link && document.getElementById(link.getAttribute('href')?.slice(1) ?? '');
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/**
 * The pay form (SPEC §7) is a plain form post that works without JavaScript. This checks the
 * same rules before sending, keeps errors next to their fields and in a summary that takes
 * focus, and rechecks a flagged field as the customer corrects it.
 */
export function enhancePayForm(form: HTMLFormElement): void {
  const data = form.dataset;
  const setup: FormSetup = {
    asked: JSON.parse(data.askedFields ?? '[]'),
    problems: JSON.parse(data.problems ?? '{}'),
    summaryTitle: data.summaryTitle ?? '',
    errorPrefix: data.errorPrefix ?? '',
    firstMethod: data.firstMethod ?? '',
  };
  // Problems found on the server (a failed post), shown from the start.
  let errors: CheckoutErrors = JSON.parse(data.errors ?? '{}');
  let formError = data.formError ?? null;

  const show = () => {
    const items = summaryItems(errors, formError, setup.problems, setup.firstMethod);
    showSummary(form, setup.summaryTitle, items);
    showFieldErrors(form, errors, setup);
  };

  form.addEventListener('submit', (event) => {
    const found = checkForm(form, setup.asked);
    formError = null;
    if (!found || Object.keys(found).length === 0) return show();
    event.preventDefault();
    errors = found;
    show();
    form.querySelector<HTMLElement>('.error-summary')?.focus();
  });
  // Once a field is flagged, it is checked again as the customer corrects it.
  form.addEventListener('input', () => {
    const found = Object.keys(errors).length > 0 && checkForm(form, setup.asked);
    if (!found) return;
    errors = remainingErrors(errors, found);
    show();
  });
  form.addEventListener('click', focusTarget);
  form.querySelector<HTMLElement>('.error-summary')?.focus();
}
