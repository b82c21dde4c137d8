import * as v from 'valibot';
import { ERROR_CODES } from '../../domain/shared/result.ts';
import type { CookieSeal } from '../../security/cookie-seal.ts';
import type { CheckoutFormState } from './checkout-routes.ts';

/**
 * The checkout's two cookies (docs/decisions/023), each scoped to one link's pages
 * (`Path=/b2b/{id}`), HttpOnly, SameSite=Lax, Secure when the site is https (SPEC §9):
 * - `pl_pending`: the payment this browser started and has not finished, so reopening the link
 *   shows it first (SPEC §7). Sealed with the link's id: it names no other link's payment, and
 *   no other browser has it.
 * - `pl_form`: a form post that failed, shown again by the link page it is sent back to, so a
 *   reload reads a page instead of posting again. Sealed: it carries what the customer typed.
 */
export const PENDING_COOKIE = 'pl_pending';
export const FORM_COOKIE = 'pl_form';

/** A failed form is shown again for this long, unless a payment starts first. */
const FORM_COOKIE_SECONDS = 10 * 60;
/** Browsers keep cookies up to 4096 bytes; a longer one would be dropped without a word. */
const MAX_COOKIE_LENGTH = 3800;
/** The form's own fields, kept a little past their longest valid value (255, an email's 254). */
const FORM_FIELDS = ['method', 'customer_name', 'customer_email', 'customer_phone'] as const;
const MAX_KEPT_FIELD_LENGTH = 300;

type Attributes = { secure: boolean };

/** `Set-Cookie` for one link's pages only. */
function linkCookie(
  name: string,
  publicId: string,
  value: string,
  maxAgeSeconds: number,
  { secure }: Attributes,
): string {
  const parts = [
    `${name}=${value}`,
    `Path=/b2b/${publicId}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** `Set-Cookie` that removes one of the checkout cookies of a link. */
export function clearedCookie(name: string, publicId: string, attributes: Attributes): string {
  return linkCookie(name, publicId, '', 0, attributes);
}

type LinkRef = { id: number; publicId: string };

/** Remembers the payment just started until its deadline. */
export function pendingPaymentCookie(
  seal: CookieSeal,
  link: LinkRef,
  payment: { reffNo: string; expiresAt: Date },
  now: Date,
  attributes: Attributes,
): string {
  const seconds = Math.max(1, Math.ceil((payment.expiresAt.getTime() - now.getTime()) / 1000));
  const value = seal.seal(`pending:${link.id}`, payment.reffNo);
  return linkCookie(PENDING_COOKIE, link.publicId, value, seconds, attributes);
}

/** The payment reference a `pl_pending` value names for this link; null when it is not ours. */
export function readPendingPayment(seal: CookieSeal, link: LinkRef, value: string): string | null {
  return seal.open(`pending:${link.id}`, value);
}

const KeptFormSchema = v.strictObject({
  code: v.picklist(ERROR_CODES),
  /** The server's verdict per field path; only the paths matter to the page. */
  fields_in_error: v.array(v.pipe(v.string(), v.maxLength(100))),
  fields: v.record(v.picklist(FORM_FIELDS), v.pipe(v.string(), v.maxLength(MAX_KEPT_FIELD_LENGTH))),
});

/** The failed form to show again; null when it would not fit in a cookie. */
export function failedFormCookie(
  seal: CookieSeal,
  link: LinkRef,
  state: CheckoutFormState,
  attributes: Attributes,
): string | null {
  const fields: Partial<Record<(typeof FORM_FIELDS)[number], string>> = {};
  for (const name of FORM_FIELDS) {
    const typed = state.fields[name];
    if (typed !== undefined) fields[name] = typed.slice(0, MAX_KEPT_FIELD_LENGTH);
  }
  const kept: v.InferOutput<typeof KeptFormSchema> = {
    code: state.code as v.InferOutput<typeof KeptFormSchema>['code'],
    fields_in_error: Object.keys(state.errors),
    fields,
  };
  const value = seal.seal(`form:${link.id}`, JSON.stringify(kept));
  const cookie = linkCookie(FORM_COOKIE, link.publicId, value, FORM_COOKIE_SECONDS, attributes);
  return cookie.length > MAX_COOKIE_LENGTH ? null : cookie;
}

/** The failed form a `pl_form` value holds for this link; null when it is not ours. */
export function readFailedForm(
  seal: CookieSeal,
  link: LinkRef,
  value: string,
): CheckoutFormState | null {
  const text = seal.open(`form:${link.id}`, value);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const kept = v.safeParse(KeptFormSchema, json);
  if (!kept.success) return null;
  return {
    code: kept.output.code,
    message: '',
    errors: Object.fromEntries(kept.output.fields_in_error.map((path) => [path, []])),
    fields: kept.output.fields,
  };
}

const LINK_PAGE = /^\/b2b\/[^/]+$/;
const CHECKOUT_COOKIE = new RegExp(`(?:^|;\\s*)(?:${PENDING_COOKIE}|${FORM_COOKIE})=`);

/**
 * True for a link page request whose answer may depend on the checkout cookies: it must be
 * rendered for this browser, never answered from or kept in the shared page cache.
 */
export function isPersonalLinkPage(pathname: string, cookieHeader: string | null): boolean {
  return LINK_PAGE.test(pathname) && CHECKOUT_COOKIE.test(cookieHeader ?? '');
}
