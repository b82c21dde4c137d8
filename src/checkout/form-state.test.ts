import { describe, expect, it } from 'vitest';
import type { FieldProblem } from './checkout-fields.ts';
import { describedBy, remainingErrors, summaryItems } from './form-state.ts';

const problems = Object.fromEntries(
  (
    [
      'nameRequired',
      'nameTooLong',
      'emailRequired',
      'emailInvalid',
      'phoneRequired',
      'phoneInvalid',
      'methodRequired',
      'methodNotOffered',
      'methodUnavailable',
    ] as const
  ).map((problem) => [problem, `say ${problem}`]),
) as Record<FieldProblem, string>;

describe('summaryItems', () => {
  it('lists the form failure first, then the fields in form order, linked to each', () => {
    const errors = { method: 'methodRequired', customer_phone: 'phoneInvalid' } as const;
    expect(summaryItems(errors, 'The link closed.', problems, 'QRIS')).toEqual([
      { href: null, message: 'The link closed.' },
      { href: '#method-QRIS', message: 'say methodRequired' },
      { href: '#customer_phone', message: 'say phoneInvalid' },
    ]);
  });

  it('is empty when nothing is wrong', () => {
    expect(summaryItems({}, null, problems, 'QRIS')).toEqual([]);
  });
});

describe('remainingErrors', () => {
  it('drops the fields the customer fixed and flags no new one', () => {
    const flagged = { customer_name: 'nameRequired', customer_email: 'emailRequired' } as const;
    const found = { customer_email: 'emailInvalid', method: 'methodRequired' } as const;
    expect(remainingErrors(flagged, found)).toEqual({ customer_email: 'emailInvalid' });
  });
});

describe('describedBy', () => {
  it.each([
    [true, true, 'phone-hint phone-error'],
    [false, true, 'phone-error'],
    [true, false, 'phone-hint'],
    [false, false, undefined],
  ])('hint %s, error %s → %s', (hasHint, hasError, ids) => {
    expect(describedBy('phone', hasHint, hasError)).toBe(ids);
  });
});
