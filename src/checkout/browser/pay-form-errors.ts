import type { CheckoutErrors, FieldProblem } from '../checkout-fields.ts';
import { type SummaryItem, describedBy } from '../form-state.ts';

/** How errors are worded: the catalog's problem texts and the screen-reader prefix. */
export type ErrorWords = { problems: Readonly<Record<FieldProblem, string>>; errorPrefix: string };

const TEXT_FIELDS = ['customer_name', 'customer_email', 'customer_phone'] as const;

function element(tag: string, className: string, text?: string): HTMLElement {
  const created = document.createElement(tag);
  created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

function setAttribute(target: Element, name: string, value: string | undefined): void {
  if (value === undefined) target.removeAttribute(name);
  else if (target.getAttribute(name) !== value) target.setAttribute(name, value);
}

/** A field's error line before `before`, as TextField.astro renders it; removed when none. */
function showErrorLine(id: string, before: Element, message: string | undefined, prefix: string) {
  const line = document.getElementById(id);
  if (!message) return line?.remove();
  if (line?.textContent === `${prefix} ${message}`) return;
  const fresh = element('p', 'field-error');
  fresh.id = id;
  fresh.append(element('span', 'visually-hidden', `${prefix} `), message);
  if (line) line.replaceWith(fresh);
  else before.parentNode?.insertBefore(fresh, before);
}

/**
 * The error summary above the form, as ErrorSummary.astro renders it; rebuilt only when its
 * entries change (it is an alert: any change is announced), removed when there are none.
 */
export function showSummary(form: HTMLFormElement, title: string, items: SummaryItem[]): void {
  let summary = form.querySelector<HTMLElement>('.error-summary');
  if (items.length === 0) return summary?.remove();
  if (!summary) {
    summary = element('div', 'error-summary');
    summary.id = 'errors';
    summary.setAttribute('role', 'alert');
    summary.tabIndex = -1;
    summary.append(element('h2', 'error-summary-title', title), document.createElement('ul'));
    form.insertBefore(summary, form.firstChild);
  }
  const list = summary.querySelector('ul');
  if (!list) return;
  const keyOf = (href: string | null, text: string) => `${href ?? ''} ${text}`;
  const shown = [...list.children].map((li) =>
    keyOf(li.querySelector('a')?.getAttribute('href') ?? null, li.textContent ?? ''),
  );
  const wanted = items.map((item) => keyOf(item.href, item.message));
  if (shown.join('\n') === wanted.join('\n')) return;
  list.textContent = '';
  for (const item of items) {
    const entry = document.createElement('li');
    const link = item.href === null ? null : document.createElement('a');
    if (link && item.href) link.setAttribute('href', item.href);
    (link ?? entry).textContent = item.message;
    if (link) entry.append(link);
    list.append(entry);
  }
}

/** Each field's error line, invalid state and description, as the server renders them. */
export function showFieldErrors(form: HTMLFormElement, errors: CheckoutErrors, words: ErrorWords) {
  const messageOf = (field: keyof CheckoutErrors) => {
    const problem = errors[field];
    return problem && words.problems[problem];
  };
  for (const field of TEXT_FIELDS) {
    const input = form.querySelector<HTMLInputElement>(`#${field}`);
    if (!input) continue;
    const message = messageOf(field);
    input.closest('.field')?.classList.toggle('has-error', Boolean(message));
    showErrorLine(`${field}-error`, input, message, words.errorPrefix);
    setAttribute(input, 'aria-invalid', message ? 'true' : undefined);
    const hasHint = document.getElementById(`${field}-hint`) !== null;
    setAttribute(input, 'aria-describedby', describedBy(field, hasHint, Boolean(message)));
  }
  const message = messageOf('method');
  const firstGroup = form.querySelector('.methods .method-group');
  if (firstGroup) showErrorLine('method-error', firstGroup, message, words.errorPrefix);
  // A fieldset of tiles, or the radio of a group of one (MethodFieldsets.astro).
  for (const described of form.querySelectorAll<HTMLElement>('.methods [data-hint]')) {
    const ids = [described.dataset.hint, message && 'method-error'].filter(Boolean).join(' ');
    setAttribute(described, 'aria-describedby', ids || undefined);
  }
  for (const radio of form.querySelectorAll('.methods input[type="radio"]'))
    setAttribute(radio, 'aria-invalid', message ? 'true' : undefined);
}
