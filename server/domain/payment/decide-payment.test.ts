import { describe, expect, it } from 'vitest';
import { aLink, aPayment, NOW } from '../../../tests/support/payment-fixtures.ts';
import type { PaymentLink } from '../payment-link/payment-link.ts';
import { decidePayment } from './decide-payment.ts';
import { PAYMENT_STATUSES } from './payment.ts';

/** The link as the decision sees it, one variant per way to be (not) open (SPEC §2). */
const LINKS = {
  open: aLink(),
  'closed by merchant': aLink({ status: 'closed' }),
  'used up': aLink({ currentUsage: 3, maxUsage: 3 }),
  expired: aLink({ expiredAt: NOW }),
} satisfies Record<string, PaymentLink>;
type LinkCase = keyof typeof LINKS;

const AMOUNTS = { right: 20_000, wrong: 19_999, none: null } as const;
type AmountCase = keyof typeof AMOUNTS;

/** Past the deadline means the deadline is now or earlier (isPastDeadline uses <=). */
const deadline = (past: boolean) => new Date(NOW.getTime() + (past ? 0 : 30 * 60_000));

type Outcome = 'pay' | 'refuse:expire' | 'refuse:cancel' | 'wrong amount' | 'refuse:nothing';

function outcomeOf(decision: ReturnType<typeof decidePayment>): Outcome {
  if (decision.kind === 'pay') return 'pay';
  if (decision.reason === 'WRONG_AMOUNT') return 'wrong amount';
  return `refuse:${decision.then}`;
}

/**
 * A pending payment, written out row by row: (past deadline, link, amount) → outcome. Expiry
 * wins over everything (the payment is void whatever came in); an expired link expires its
 * payment too (SPEC §2: a payment never outlives its link); a closed link cancels it; only an
 * open link checks the amount; no amount (a provider that does not report it) pays.
 */
const PENDING: [boolean, LinkCase, AmountCase, Outcome][] = [
  [false, 'open', 'right', 'pay'],
  [false, 'open', 'wrong', 'wrong amount'],
  [false, 'open', 'none', 'pay'],
  [false, 'closed by merchant', 'right', 'refuse:cancel'],
  [false, 'closed by merchant', 'wrong', 'refuse:cancel'],
  [false, 'closed by merchant', 'none', 'refuse:cancel'],
  [false, 'used up', 'right', 'refuse:cancel'],
  [false, 'used up', 'wrong', 'refuse:cancel'],
  [false, 'used up', 'none', 'refuse:cancel'],
  [false, 'expired', 'right', 'refuse:expire'],
  [false, 'expired', 'wrong', 'refuse:expire'],
  [false, 'expired', 'none', 'refuse:expire'],
  [true, 'open', 'right', 'refuse:expire'],
  [true, 'open', 'wrong', 'refuse:expire'],
  [true, 'open', 'none', 'refuse:expire'],
  [true, 'closed by merchant', 'right', 'refuse:expire'],
  [true, 'closed by merchant', 'wrong', 'refuse:expire'],
  [true, 'closed by merchant', 'none', 'refuse:expire'],
  [true, 'used up', 'right', 'refuse:expire'],
  [true, 'used up', 'wrong', 'refuse:expire'],
  [true, 'used up', 'none', 'refuse:expire'],
  [true, 'expired', 'right', 'refuse:expire'],
  [true, 'expired', 'wrong', 'refuse:expire'],
  [true, 'expired', 'none', 'refuse:expire'],
];

describe('decidePayment: a pending payment', () => {
  it.each(PENDING)('past deadline %s, link %s, amount %s → %s', (past, link, amount, outcome) => {
    const payment = aPayment({ expiresAt: deadline(past) });
    const decision = decidePayment(payment, LINKS[link], AMOUNTS[amount], NOW);
    expect(outcomeOf(decision)).toBe(outcome);
    if (decision.kind === 'refuse') expect(decision.message).not.toBe('');
  });

  it('covers every (deadline, link, amount) combination once', () => {
    const keys = PENDING.map(([past, link, amount]) => `${past}:${link}:${amount}`);
    expect(new Set(keys).size).toBe(2 * Object.keys(LINKS).length * Object.keys(AMOUNTS).length);
  });

  it('takes the deadline to the millisecond: one before pays, at the deadline expires', () => {
    const payment = aPayment({ expiresAt: new Date(NOW.getTime() + 1) });
    expect(outcomeOf(decidePayment(payment, LINKS.open, 20_000, NOW))).toBe('pay');
    const atDeadline = new Date(NOW.getTime() + 1);
    expect(outcomeOf(decidePayment(payment, LINKS.open, 20_000, atDeadline))).toBe('refuse:expire');
  });

  it('names the exact amount when it is wrong, and takes one rupiah too much as wrong', () => {
    const decision = decidePayment(aPayment(), LINKS.open, 20_001, NOW);
    expect(decision).toMatchObject({ kind: 'refuse', reason: 'WRONG_AMOUNT', then: 'nothing' });
    if (decision.kind === 'refuse') expect(decision.message).toContain('20000');
  });
});

describe('decidePayment: a payment that is no longer pending', () => {
  const rows = PAYMENT_STATUSES.filter((status) => status !== 'pending').flatMap((status) =>
    [false, true].flatMap((past) =>
      (Object.keys(LINKS) as LinkCase[]).flatMap((link) =>
        (Object.keys(AMOUNTS) as AmountCase[]).map(
          (amount) => [status, past, link, amount] as const,
        ),
      ),
    ),
  );

  it('has 4 statuses × 2 deadlines × 4 links × 3 amounts = 96 rows', () => {
    expect(rows).toHaveLength(96);
  });

  // SPEC §2: every transition happens at most once; a repeated or late notice is a no-op.
  it.each(rows)(
    '%s, past deadline %s, link %s, amount %s → refused, nothing changes',
    (status, past, link, amount) => {
      const payment = aPayment({ status, expiresAt: deadline(past) });
      const decision = decidePayment(payment, LINKS[link], AMOUNTS[amount], NOW);
      expect(decision).toEqual({
        kind: 'refuse',
        reason: 'NOT_PAYABLE',
        message: `This payment is ${status}.`,
        then: 'nothing',
      });
    },
  );
});
