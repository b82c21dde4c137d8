import { describe, expect, it } from 'vitest';
import { groupStoreCode, storeInstructions } from './store-instructions.ts';

const fill = {
  storeName: 'Indomaret',
  code: '25709650945026',
  amountLabel: 'Rp 162.500',
  merchantName: 'Toko Kopi Senja',
};

describe('storeInstructions', () => {
  it.each([
    ['id', /kasir/i, /tunai/, /struk/],
    ['en', /cashier/i, /cash\b/, /receipt/],
  ] as const)(
    '%s: one cashier block: the store, the merchant, the grouped code, the amount, cash and the receipt',
    (lang, cashier, cash, receipt) => {
      const blocks = storeInstructions(lang, fill);
      expect(blocks).toHaveLength(1);
      const [block] = blocks;
      expect(block?.channel).toBe('cashier');
      expect(block?.title).toMatch(cashier);
      expect(block?.title).toContain('Indomaret');
      const text = block?.steps.join('\n') ?? '';
      for (const part of ['Indomaret', 'Toko Kopi Senja', '2570 9650 9450 26', 'Rp 162.500'])
        expect(text).toContain(part);
      expect(text).toMatch(cash);
      expect(block?.steps.at(-1)).toMatch(receipt);
      expect(text).not.toMatch(/\{[^}]*\}|midtrans/i);
    },
  );

  it('Indonesian and English steps differ', () => {
    const id = storeInstructions('id', fill)[0]?.steps ?? [];
    const en = new Set(storeInstructions('en', fill)[0]?.steps);
    for (const step of id) expect(en.has(step), step).toBe(false);
  });
});

describe('groupStoreCode', () => {
  it.each([
    ['010811223344', '0108 1122 3344'],
    ['25709650945026', '2570 9650 9450 26'],
    ['TEST-123456', 'TEST-123456'],
  ])('%s → %s', (code, grouped) => {
    expect(groupStoreCode(code)).toBe(grouped);
  });
});
