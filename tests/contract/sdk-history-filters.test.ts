import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, type Merchant } from '../support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../support/test-paylink.ts';
import { wibMidnight } from './support/client-encoding.ts';
import { PhpFloat } from './support/php-json.ts';
import { expectSdkSuccess } from './support/sdk-answers.ts';
import { createSdkClient, type Dialect, type SdkClient } from './support/sdk-client.ts';
import { laravelSingapay, singapayJs } from './support/sdk-dialects.ts';
import { reffNos, type SeededPayments, seedPayments } from './support/seed-payments.ts';

// Contract (issue 11, SPEC §3.4, reference §3.1): the histories filters the SDKs pass to
// GET /api/v1.0/payment-link-histories/{account_id}, encoded as each sends them, must filter.
// singapay-js: String(value), RFC 3986 (`has_settle=true`, `VA%20BRI`, `%2B07%3A00`).
// laravel-singapay: http_build_query RFC 3986 (`has_settle=1`, a PHP float 50000.0 as `50000`).

let t: TestPaylink;
let merchant: Merchant;
let seeded: SeededPayments;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  seeded = await seedPayments(t, merchant);
});
afterAll(() => t.close());

/** The SDK's list call with these filters (its client is made once the app exists). */
function lister(dialect: Dialect) {
  let client: SdkClient | null = null;
  return async (query: Record<string, unknown>): Promise<any[]> => {
    client ??= createSdkClient(t, merchant, dialect);
    const path = `/api/v1.0/payment-link-histories/${merchant.accountId}`;
    return expectSdkSuccess(await client.call('GET', path, { query }));
  };
}

/** Newest first would read 20000, 20000, 60000: only a working sort puts 60000 first. */
const BY_AMOUNT_DESC = ['60000.00', '20000.00', '20000.00'];
const amounts = (rows: { amount: string }[]) => rows.map((row) => row.amount);

describe('singapay-js: PaymentLinkHistories.list(accountId, filters)', () => {
  const list = lister(singapayJs());

  it('has_settle=true, status, amount_min/amount_max', async () => {
    expect(reffNos(await list({ has_settle: true }))).toEqual([seeded.settled.reff_no]);
    expect(reffNos(await list({ status: 'pending' }))).toEqual([seeded.pending.reff_no]);
    expect(reffNos(await list({ amount_min: 50_000, amount_max: 100_000 }))).toEqual([
      seeded.settled.reff_no,
    ]);
  });

  it('payment_method_name and a part of reff_no', async () => {
    expect(reffNos(await list({ payment_method_name: 'VA BRI' }))).toEqual([
      seeded.pending.reff_no,
      seeded.settled.reff_no,
    ]);
    expect(reffNos(await list({ reff_no: seeded.paid.reff_no.slice(-10) }))).toEqual([
      seeded.paid.reff_no,
    ]);
  });

  it('ISO 8601 ranges with a +07:00 offset, sort_by, sort_order, page and per_page', async () => {
    const startOfDay = wibMidnight(t.clock.now());
    expect(await list({ created_at_from: startOfDay, per_page: 50 })).toHaveLength(3);
    expect(await list({ created_at_to: startOfDay, per_page: 50 })).toHaveLength(0);
    expect(amounts(await list({ sort_by: 'amount', sort_order: 'desc', per_page: 50 }))).toEqual(
      BY_AMOUNT_DESC,
    );
    expect(
      amounts(await list({ sort_by: 'amount', sort_order: 'desc', per_page: 1, page: 1 })),
    ).toEqual(['60000.00']);
  });
});

describe('laravel-singapay: PaymentLinkHistories::list($accountId, $filters)', () => {
  const list = lister(laravelSingapay());

  it('has_settle => true (sent as 1), false (0), status, amount range as PHP floats', async () => {
    expect(reffNos(await list({ has_settle: true }))).toEqual([seeded.settled.reff_no]);
    expect(reffNos(await list({ has_settle: false, status: 'pending' }))).toEqual([
      seeded.pending.reff_no,
    ]);
    const range = { amount_min: new PhpFloat(50_000), amount_max: new PhpFloat(100_000) };
    expect(reffNos(await list(range))).toEqual([seeded.settled.reff_no]);
  });

  it('payment_method_name, payment_method_value and reff_no (partial)', async () => {
    expect(reffNos(await list({ payment_method_name: 'VA BCA' }))).toEqual([seeded.paid.reff_no]);
    const value = seeded.pending.payment_method_value.slice(-8);
    expect(reffNos(await list({ payment_method_value: value }))).toEqual([seeded.pending.reff_no]);
    expect(reffNos(await list({ reff_no: seeded.settled.reff_no.slice(2, 12) }))).toEqual([
      seeded.settled.reff_no,
    ]);
  });

  it('ISO 8601 date ranges (processed_timestamp_* too), sort_by/sort_order, per_page', async () => {
    const startOfDay = wibMidnight(t.clock.now());
    expect(await list({ created_at_from: startOfDay, per_page: 50 })).toHaveLength(3);
    expect(await list({ created_at_to: startOfDay })).toHaveLength(0);
    expect(reffNos(await list({ processed_timestamp_from: startOfDay })).sort()).toEqual(
      [seeded.settled.reff_no, seeded.paid.reff_no].sort(),
    );
    expect(amounts(await list({ sort_by: 'amount', sort_order: 'desc', per_page: 50 }))).toEqual(
      BY_AMOUNT_DESC,
    );
  });
});
