import * as v from 'valibot';
import {
  PAYMENT_SORT_KEYS,
  PAYMENT_STATUS_FILTERS,
  SORT_ORDERS,
} from '../../domain/payment/payment-list-query.ts';
import { failure, type FieldErrors, type Result, success } from '../../domain/shared/result.ts';
import { StorableString } from './field-schemas.ts';
import { PageQueryEntries } from './link-schemas.ts';
import { parseTimeBound } from './time-bound.ts';

/** A payment link id (SPEC §3.4 `payment_link_id`). */
export const IdQuery = v.optional(
  v.pipe(
    v.string(),
    v.regex(/^[1-9]\d{0,9}$/, 'Must be a payment link id.'),
    v.toNumber(),
    v.maxValue(2_147_483_647, 'Must be a payment link id.'),
  ),
);

const TextQuery = (description: string) =>
  v.optional(
    v.pipe(
      StorableString,
      v.description(description),
      v.trim(),
      v.maxLength(100, 'Must be at most 100 characters.'),
    ),
  );

const AMOUNT_MESSAGE = 'Must be an amount in rupiah, like 20000 or 20000.00.';

/** Rupiah with at most two decimals, as hundredths (`"1200000.50"` → 120000050). */
const AmountQuery = (description: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.description(description),
      v.regex(/^\d{1,13}(?:\.\d{1,2})?$/, AMOUNT_MESSAGE),
      v.transform((text) => {
        const [whole = '0', fraction = ''] = text.split('.');
        return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
      }),
    ),
  );

const TIME_MESSAGE =
  'Must be an ISO 8601 date or time, like 2025-10-24 or 2025-10-24T13:45:00+07:00.';

const TimeQuery = (description: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.description(`${description} A date is the whole day; without an offset, WIB (+07:00).`),
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const span = parseTimeBound(dataset.value);
        if (span) return span;
        addIssue({ message: TIME_MESSAGE });
        return NEVER;
      }),
    ),
  );

const oneOf = <const T extends readonly string[]>(options: T, description: string) =>
  v.optional(
    v.pipe(
      v.picklist(options, `Must be one of ${options.join(', ')}.`),
      v.description(description),
    ),
  );

/**
 * The histories list query (SPEC §3.4, reference/singapay-api.md §3.1). Unknown parameters
 * are dropped, as SingaPay does; an empty value is no filter, as a form leaves it.
 */
export const HistoryQuerySchema = v.object({
  ...PageQueryEntries,
  payment_link_id: IdQuery,
  reff_no: TextQuery("Part of the payment's reff_no, any case."),
  status: oneOf(
    PAYMENT_STATUS_FILTERS,
    'The status as shown: a pending payment past its deadline is expired; failed matches none.',
  ),
  payment_method_name: TextQuery('Part of the method name (`VA BRI`, `QRIS`), any case.'),
  payment_method_value: TextQuery('Part of the VA number or QRIS reference, any case.'),
  amount: AmountQuery('Exactly this amount.'),
  amount_min: AmountQuery('At least this amount.'),
  amount_max: AmountQuery('At most this amount.'),
  has_settle: v.optional(
    v.pipe(
      v.picklist(['true', 'false', '1', '0'], 'Must be true or false.'),
      v.description('Settled (`true`, `1`) or not (`false`, `0`).'),
      v.transform((flag) => flag === 'true' || flag === '1'),
    ),
  ),
  created_at_from: TimeQuery('Created at or after.'),
  created_at_to: TimeQuery('Created at or before.'),
  payment_date_from: TimeQuery('Paid at or after.'),
  payment_date_to: TimeQuery('Paid at or before.'),
  processed_timestamp_from: TimeQuery("SingaPay's name for payment_date_from."),
  processed_timestamp_to: TimeQuery("SingaPay's name for payment_date_to."),
  settle_at_from: TimeQuery('Settled at or after.'),
  settle_at_to: TimeQuery('Settled at or before.'),
  sort_by: oneOf(PAYMENT_SORT_KEYS, 'Default id; ties in id order; unpaid last for payment_date.'),
  sort_order: oneOf(SORT_ORDERS, 'Default desc.'),
});

export type HistoryQuery = v.InferOutput<typeof HistoryQuerySchema>;

/**
 * The query string as the schema reads it, empty parameters dropped; a filter given twice is
 * a 422, since which of the two the client meant is unknown.
 */
export function historyQueryInput(
  queries: Record<string, string[]>,
): Result<Record<string, string>> {
  const input: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const [name, values] of Object.entries(queries)) {
    const given = values.filter((value) => value !== '');
    if (given.length > 1 && Object.hasOwn(HistoryQuerySchema.entries, name))
      errors[name] = ['Must be given once.'];
    else if (given[0] !== undefined) input[name] = given[0];
  }
  if (Object.keys(errors).length > 0)
    return failure('VALIDATION_FAILED', 'The given data was invalid.', errors);
  return success(input);
}
