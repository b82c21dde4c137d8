import { randomBytes } from 'node:crypto';
import { payments } from '../../server/store/schema.ts';
import { createLinkOk } from './link-api.ts';
import { callApi, createMerchant, type Merchant } from './merchant.ts';
import type { TestPaylink } from './test-paylink.ts';

/** A WIB wall-clock time of January 2026 (the test clock reads 2026-01-15 10:00 WIB). */
const wib = (text: string) => new Date(`2026-01-${text}+07:00`);

type Seed = {
  link: 'first' | 'second';
  method: string;
  /** The end of the VA number, after digits unique to the run (QRIS: its reff_no). */
  value: string;
  amount: number;
  status: 'pending' | 'paid' | 'settled' | 'expired' | 'cancelled';
  created: string;
  expires: string;
  paid?: string;
  settled?: string;
};

/**
 * Eight payments of one account, one per state a history shows, different methods, amounts
 * and times; ids rise from p1 to p8 but created_at does not (p8 is the oldest).
 */
// prettier-ignore
const SEEDS = {
  p1: { link: 'first', method: 'VA_BRI', value: '0001', amount: 20_000, status: 'pending',
    created: '10T09:00:00', expires: '16T09:00:00' },
  p2: { link: 'first', method: 'VA_BCA', value: '0002', amount: 50_000, status: 'paid',
    created: '11T09:00:00', expires: '12T09:00:00', paid: '11T09:05:00.400' },
  p3: { link: 'first', method: 'QRIS', value: '', amount: 75_000, status: 'settled',
    created: '12T09:00:00', expires: '12T09:30:00', paid: '12T09:01:00', settled: '13T09:00:00' },
  p4: { link: 'second', method: 'VA_MANDIRI', value: '0004', amount: 20_000, status: 'expired',
    created: '13T09:00:00', expires: '14T09:00:00' },
  p5: { link: 'second', method: 'VA_BRI', value: '0005', amount: 100_000, status: 'cancelled',
    created: '14T09:00:00', expires: '15T09:00:00' },
  // Still pending in the table, but its deadline (09:00) is before the clock: it reads expired.
  p6: { link: 'second', method: 'VA_BNI', value: '0006', amount: 30_000, status: 'pending',
    created: '14T12:00:00', expires: '15T09:00:00' },
  p7: { link: 'first', method: 'VA_BRI', value: '0007', amount: 50_000, status: 'settled',
    created: '14T20:00:00', expires: '15T20:00:00', paid: '14T20:10:00', settled: '15T08:00:00' },
  // A method since dropped from the catalog: its name reads as its code.
  p8: { link: 'first', method: 'VA_OLDBANK', value: '0008', amount: 40_000, status: 'cancelled',
    created: '09T09:00:00', expires: '10T09:00:00' },
} satisfies Record<string, Seed>;

export type PaymentKey = keyof typeof SEEDS;
export const PAYMENT_KEYS = Object.keys(SEEDS) as PaymentKey[];

export type SeededHistories = {
  merchant: Merchant;
  links: { first: number; second: number };
  /** reff_no of each payment: `PY<run><key>X`, e.g. `PYK3M9Q1P3X`. */
  reffNos: Record<PaymentKey, string>;
  values: Record<PaymentKey, string>;
  /** GETs the account's histories (100 a page unless said); `keys`: the payments, in order. */
  list: (query: string) => Promise<{ status: number; body: any; keys: PaymentKey[] }>;
};

/**
 * Stores the eight payments for a new merchant (written directly: states and times no API
 * reaches in one step), plus one of another merchant that matches every filter but must never
 * be listed.
 */
export async function seedHistories(t: TestPaylink): Promise<SeededHistories> {
  const run = randomBytes(4).toString('hex').toUpperCase();
  // No zero in the run's digits, so `0005` is found in p5's VA number only.
  const digits = [...randomBytes(8)].map((byte) => (byte % 9) + 1).join('');
  const merchant = await createMerchant(t);
  const links = {
    first: (await createLinkOk(t, merchant, { max_usage: 10 })).id as number,
    second: (await createLinkOk(t, merchant, { max_usage: 10 })).id as number,
  };
  const reffNos = {} as Record<PaymentKey, string>;
  const values = {} as Record<PaymentKey, string>;
  const ids = new Map<number, PaymentKey>();
  for (const key of PAYMENT_KEYS) {
    const seed: Seed = SEEDS[key];
    reffNos[key] = `PY${run}${key.toUpperCase()}X`;
    values[key] = seed.method === 'QRIS' ? reffNos[key] : `88${digits}${seed.value}`;
    const [row] = await t.db
      .insert(payments)
      .values(paymentRow(seed, merchant.accountId, links[seed.link], reffNos[key], values[key]))
      .returning({ id: payments.id });
    ids.set(row?.id ?? 0, key);
  }
  await seedOtherMerchant(t, run);
  const list = async (query: string) => {
    const perPage = query.includes('per_page=') ? '' : 'per_page=100&';
    const path = `/api/v1.0/payment-link-histories/${merchant.accountId}?${perPage}${query}`;
    const answer = await callApi(t, merchant, 'GET', path);
    const keys = answer.status === 200 ? answer.body.data.map((p: any) => ids.get(p.id)) : [];
    return { ...answer, keys };
  };
  return { merchant, links, reffNos, values, list };
}

function paymentRow(seed: Seed, accountId: string, linkId: number, reffNo: string, value: string) {
  const created = wib(seed.created);
  return {
    reffNo,
    linkId,
    accountId,
    methodCode: seed.method,
    methodValue: value,
    amount: seed.amount,
    status: seed.status,
    expiresAt: wib(seed.expires),
    paidAt: seed.paid ? wib(seed.paid) : null,
    settledAt: seed.settled ? wib(seed.settled) : null,
    endedAt: seed.status === 'expired' || seed.status === 'cancelled' ? wib(seed.expires) : null,
    createdAt: created,
    updatedAt: created,
  };
}

async function seedOtherMerchant(t: TestPaylink, run: string): Promise<void> {
  const other = await createMerchant(t);
  const link = (await createLinkOk(t, other, {})).id as number;
  const seed: Seed = { ...SEEDS.p7, link: 'first' };
  await t.db
    .insert(payments)
    .values(paymentRow(seed, other.accountId, link, `PY${run}P7XOTHER`, `88${run}0007`));
}
