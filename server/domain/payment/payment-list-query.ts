import { PAYMENT_STATUSES } from './payment.ts';

/**
 * The statuses a histories list can be filtered by (SPEC §3.4): Paylink's own, and SingaPay's
 * `failed`, which a client may well ask for but no Paylink payment ever has, so it matches none.
 */
export const PAYMENT_STATUS_FILTERS = [...PAYMENT_STATUSES, 'failed'] as const;
export type PaymentStatusFilter = (typeof PAYMENT_STATUS_FILTERS)[number];

export const PAYMENT_SORT_KEYS = ['id', 'created_at', 'amount', 'payment_date'] as const;
export type PaymentSortKey = (typeof PAYMENT_SORT_KEYS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Instants from `from` (inclusive) up to `before` (exclusive); a null end is open. */
export type InstantRange = { from: Date | null; before: Date | null };

/**
 * Which payments' method name (`"VA BRI"`, from the catalog) contains `term`: the codes whose
 * catalog name does, and any code no longer in the catalog that contains it itself (its name
 * then reads as the code, as the histories API shows it).
 */
export type MethodNameMatch = {
  term: string;
  namedCodes: readonly string[];
  catalogCodes: readonly string[];
};

/** One page of an account's payments, every filter combined with AND (SPEC §3.4 histories). */
export type PaymentListQuery = {
  /** Status is what a reader sees at this instant: pending past its deadline reads expired. */
  now: Date;
  linkId: number | null;
  /** Parts of text, matched anywhere and ignoring case. */
  reffNo: string | null;
  methodValue: string | null;
  methodName: MethodNameMatch | null;
  status: PaymentStatusFilter | null;
  /** Whole rupiah, inclusive; min above max matches nothing. */
  amount: { min: number | null; max: number | null };
  /** true: settled; false: every other status. */
  hasSettle: boolean | null;
  createdAt: InstantRange;
  paidAt: InstantRange;
  settledAt: InstantRange;
  /** Ties are broken by id in the same order; payments never paid sort after the paid ones. */
  sortBy: PaymentSortKey;
  sortOrder: SortOrder;
  page: number;
  perPage: number;
};

/** The catalog names that contain `term`, ignoring case (payment_method_name, SPEC §3.4). */
export function matchMethodName(
  catalog: readonly { code: string; name: string }[],
  term: string,
): MethodNameMatch {
  const wanted = term.toLowerCase();
  return {
    term,
    namedCodes: catalog
      .filter((method) => method.name.toLowerCase().includes(wanted))
      .map((method) => method.code),
    catalogCodes: catalog.map((method) => method.code),
  };
}

const OPEN: InstantRange = { from: null, before: null };

/** Every payment, newest first, 25 a page; `over` narrows it. */
export function paymentListQuery(
  now: Date,
  over: Partial<Omit<PaymentListQuery, 'now'>> = {},
): PaymentListQuery {
  return {
    now,
    linkId: null,
    reffNo: null,
    methodValue: null,
    methodName: null,
    status: null,
    amount: { min: null, max: null },
    hasSettle: null,
    createdAt: OPEN,
    paidAt: OPEN,
    settledAt: OPEN,
    sortBy: 'id',
    sortOrder: 'desc',
    page: 1,
    perPage: 25,
    ...over,
  };
}
