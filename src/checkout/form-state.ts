import {
  CHECKOUT_FIELDS,
  type CheckoutErrors,
  type CheckoutField,
  type FieldProblem,
} from './checkout-fields.ts';

/** One entry of the error summary: a link to its field, or a form-wide failure (no link). */
export type SummaryItem = { href: string | null; message: string };

/** Where a field's summary entry leads: its input, or the first offered method's radio. */
export function fieldTarget(field: CheckoutField, firstMethodCode: string): string {
  return field === 'method' ? `#method-${firstMethodCode}` : `#${field}`;
}

/**
 * The error summary's entries (SPEC §7): the form-wide failure first, then each flagged field
 * in the order the form shows them, worded from the catalog.
 */
export function summaryItems(
  errors: CheckoutErrors,
  formError: string | null,
  problems: Readonly<Record<FieldProblem, string>>,
  firstMethodCode: string,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  if (formError) items.push({ href: null, message: formError });
  for (const field of CHECKOUT_FIELDS) {
    const problem = errors[field];
    if (problem)
      items.push({ href: fieldTarget(field, firstMethodCode), message: problems[problem] });
  }
  return items;
}

/**
 * The flagged fields that are still wrong as the customer corrects them: a field leaves the
 * list once fixed, and no field joins it before the next attempt to send.
 */
export function remainingErrors(flagged: CheckoutErrors, found: CheckoutErrors): CheckoutErrors {
  const still: CheckoutErrors = {};
  for (const field of CHECKOUT_FIELDS)
    if (flagged[field] && found[field]) still[field] = found[field];
  return still;
}

/** A field's aria-describedby: its hint and its error, when present; undefined when neither. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint && `${id}-hint`, hasError && `${id}-error`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
