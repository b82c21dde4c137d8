import * as v from 'valibot';
import { normalizeIndonesianPhone } from '../../domain/shared/indonesian-phone.ts';
import { isAllowedCallbackUrl } from '../../domain/shared/url-rules.ts';

/** Trimmed text of 1…max characters. */
export function requiredText(max: number) {
  return v.pipe(
    v.string('Must be a string.'),
    v.trim(),
    v.minLength(1, 'Is required.'),
    v.maxLength(max, `Must be at most ${max} characters.`),
  );
}

export function optionalText(max: number) {
  return v.nullish(
    v.pipe(v.string('Must be a string.'), v.trim(), v.maxLength(max, `Must be at most ${max} characters.`)),
  );
}

export function wholeNumber(min: number, max: number) {
  return v.pipe(
    v.number('Must be a whole number.'),
    v.integer('Must be a whole number.'),
    v.minValue(min, `Must be at least ${min}.`),
    v.maxValue(max, `Must be at most ${max}.`),
  );
}

export const CallbackUrlSchema = v.nullish(
  v.pipe(
    v.string('Must be a string.'),
    v.check(
      isAllowedCallbackUrl,
      'Must be an absolute https URL (http only for localhost) of at most 2048 characters, without user-info.',
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
  v.transform((value) => normalizeIndonesianPhone(value)),
  v.string('Must be an Indonesian mobile number (08… or +628…).'),
);
