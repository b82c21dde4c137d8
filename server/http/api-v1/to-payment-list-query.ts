import {
  type InstantRange,
  matchMethodName,
  type PaymentListQuery,
  paymentListQuery,
} from '../../domain/payment/payment-list-query.ts';
import type { Catalog } from '../../domain/payment-method/catalog.ts';
import { failure, type FieldErrors, type Result, success } from '../../domain/shared/result.ts';
import type { HistoryQuery } from './history-query.ts';

type Span = { start: Date; end: Date } | undefined;

/** From the latest start to the earliest end of the spans given (all apply, with AND). */
function rangeOf(froms: Span[], tos: Span[]): InstantRange {
  const starts = froms.flatMap((span) => (span ? [span.start.getTime()] : []));
  const ends = tos.flatMap((span) => (span ? [span.end.getTime()] : []));
  return {
    from: starts.length > 0 ? new Date(Math.max(...starts)) : null,
    before: ends.length > 0 ? new Date(Math.min(...ends)) : null,
  };
}

/** Hundredths of a rupiah as whole-rupiah bounds: an exact 100.50 matches no whole amount. */
function amountBounds(query: HistoryQuery): PaymentListQuery['amount'] {
  const mins = [query.amount, query.amount_min].flatMap((cents) =>
    cents === undefined ? [] : [Math.ceil(cents / 100)],
  );
  const maxes = [query.amount, query.amount_max].flatMap((cents) =>
    cents === undefined ? [] : [Math.floor(cents / 100)],
  );
  return {
    min: mins.length > 0 ? Math.max(...mins) : null,
    max: maxes.length > 0 ? Math.min(...maxes) : null,
  };
}

/** A `_to` before its `_from` is a mistake worth saying, not an empty page that looks true. */
function reversedBounds(query: HistoryQuery): FieldErrors {
  const errors: FieldErrors = {};
  const pairs = [
    ['created_at_from', 'created_at_to'],
    ['payment_date_from', 'payment_date_to'],
    ['processed_timestamp_from', 'processed_timestamp_to'],
    ['settle_at_from', 'settle_at_to'],
  ] as const;
  for (const [from, to] of pairs) {
    const [start, end] = [query[from]?.start, query[to]?.end];
    if (start && end && end.getTime() <= start.getTime())
      errors[to] = [`Must not be before ${from}.`];
  }
  const [min, max] = [query.amount_min, query.amount_max];
  if (min !== undefined && max !== undefined && max < min)
    errors.amount_max = ['Must not be less than amount_min.'];
  return errors;
}

/** The validated query as the store's PaymentListQuery, or a 422 naming a reversed range. */
export function toPaymentListQuery(
  query: HistoryQuery,
  catalog: Catalog,
  now: Date,
): Result<PaymentListQuery> {
  const errors = reversedBounds(query);
  if (Object.keys(errors).length > 0)
    return failure('VALIDATION_FAILED', 'The given data was invalid.', errors);
  return success(
    paymentListQuery(now, {
      linkId: query.payment_link_id ?? null,
      reffNo: query.reff_no || null,
      methodValue: query.payment_method_value || null,
      methodName: query.payment_method_name
        ? matchMethodName(catalog.all, query.payment_method_name)
        : null,
      status: query.status ?? null,
      amount: amountBounds(query),
      hasSettle: query.has_settle ?? null,
      createdAt: rangeOf([query.created_at_from], [query.created_at_to]),
      paidAt: rangeOf(
        [query.payment_date_from, query.processed_timestamp_from],
        [query.payment_date_to, query.processed_timestamp_to],
      ),
      settledAt: rangeOf([query.settle_at_from], [query.settle_at_to]),
      sortBy: query.sort_by ?? 'id',
      sortOrder: query.sort_order ?? 'desc',
      page: query.page,
      perPage: query.per_page,
    }),
  );
}
