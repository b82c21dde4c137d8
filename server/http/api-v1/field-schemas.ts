import * as v from 'valibot';
import { normalizeIndonesianPhone } from '../../domain/shared/indonesian-phone.ts';
import { isAllowedCallbackUrl } from '../../domain/shared/url-rules.ts';
import { documented } from '../openapi/documented.ts';

/**
 * PostgreSQL refuses NUL in `text` and an unpaired surrogate escape in `jsonb`; either would
 * fail the insert with a 500. Such text is refused at the edge, naming the field.
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

const STORABLE_TEXT_MESSAGE = 'Must not contain NUL characters or unpaired surrogates.';

/** A string PostgreSQL can store (see isStorableText). */
export const StorableString = v.pipe(
  v.string('Must be a string.'),
  // Left out of the API reference: it would repeat on every text field.
  documented(v.check(isStorableText, STORABLE_TEXT_MESSAGE), {}),
);

/** Every key and string inside a JSON value is storable (see isStorableText). */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(isStorableJson);
  return Object.entries(value).every(
    ([key, inner]) => isStorableText(key) && isStorableJson(inner),
  );
}

function isJsonObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** Any JSON object, not an array: valibot's `object` and `record` take arrays for objects. */
export const AnyJsonObject = documented(
  v.custom<Record<string, unknown>>(isJsonObject, 'Must be a JSON object.'),
  { type: 'object' },
);

const isEmptyArray = (input: unknown): input is [] => Array.isArray(input) && input.length === 0;

/**
 * Any JSON object, or `[]` read as `{}`: PHP's json_encode writes an empty map as an empty
 * array, so that is how the PHP SingaPay clients send "nothing here" (decision 020).
 */
export const JsonObjectOrPhpEmpty = documented(
  v.custom<Record<string, unknown> | []>(
    (input) => isJsonObject(input) || isEmptyArray(input),
    'Must be a JSON object.',
  ),
  { type: 'object', description: '`[]` (how PHP writes an empty map) is read as `{}`.' },
);

/** Follows `JsonObjectOrPhpEmpty` in a pipe (kept flat, so later checks are documented too). */
export const phpEmptyAsObject = v.transform(
  (input: Record<string, unknown> | []): Record<string, unknown> =>
    isEmptyArray(input) ? {} : input,
);

/**
 * A JSON object with these entries (unknown keys are dropped). valibot reports a missing
 * required key with the object's own message, so that message says what is wrong with the key.
 */
export function jsonObject<const E extends v.ObjectEntries>(entries: E) {
  const shape = v.object(entries, (issue) =>
    issue.received === 'undefined' ? 'Is required.' : 'Must be a JSON object.',
  );
  // The guard documents itself as the shape it lets through (the API reference shows fields).
  const guard = v.custom<Record<string, unknown>>(isJsonObject, 'Must be a JSON object.');
  return v.pipe(documented(guard, { sameAs: shape }), shape);
}

/**
 * At most `max` characters, counted as Unicode code points as PostgreSQL's `char_length` does:
 * `maxLength` counts UTF-16 units, so one emoji would use up two.
 */
function maxChars(max: number) {
  // JSON Schema's maxLength counts code points too (JSON Schema validation §6.3.1).
  return documented(
    v.check((text: string) => [...text].length <= max, `Must be at most ${max} characters.`),
    { maxLength: max },
  );
}

/** Trimmed text of 1…max characters. */
export function requiredText(max: number) {
  return v.pipe(StorableString, v.trim(), v.minLength(1, 'Is required.'), maxChars(max));
}

/** Trimmed text of 0…max characters, or null. */
export function optionalText(max: number) {
  return v.nullish(v.pipe(StorableString, v.trim(), maxChars(max)));
}

export function wholeNumber(min: number, max: number) {
  return v.pipe(
    v.number('Must be a whole number.'),
    v.integer('Must be a whole number.'),
    v.minValue(min, `Must be at least ${min}.`),
    v.maxValue(max, `Must be at most ${max}.`),
  );
}

const AbsoluteUrlSchema = v.pipe(
  v.string('Must be a string.'),
  v.check(
    isAllowedCallbackUrl,
    'Must be an absolute https URL (http only for localhost) of at most 2048 characters, without user-info.',
  ),
);

/** A URL the customer's browser is sent to (`redirect_url`). */
export const CallbackUrlSchema = v.nullish(AbsoluteUrlSchema);

/**
 * A URL Paylink itself POSTs callbacks to. Its handler also checks that it leads to a public
 * address (SPEC §6, server/http/callback-destinations.ts): that needs DNS, so not here.
 */
export const WebhookUrlSchema = v.nullish(
  v.pipe(
    AbsoluteUrlSchema,
    v.description(
      'Must lead to a public address: a host that is, or resolves to, a loopback, private, ' +
        'link-local, multicast or reserved address is refused.',
    ),
  ),
);

export const EmailSchema = v.pipe(
  v.string('Must be a string.'),
  v.trim(),
  v.maxLength(254, 'Must be at most 254 characters.'),
  v.email('Must be an email address.'),
);

export const IndonesianPhoneSchema = v.pipe(
  v.string('Must be a string.'),
  v.description('An Indonesian mobile number, 08… or +628…; answered as +628….'),
  v.transform((value) => normalizeIndonesianPhone(value)),
  v.string('Must be an Indonesian mobile number (08… or +628…).'),
);
