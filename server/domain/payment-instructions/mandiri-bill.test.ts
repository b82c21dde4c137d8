import { describe, expect, it } from 'vitest';
import { mandiriBillInstructions } from './mandiri-bill.ts';

const fill = { billerCode: '70012', billKey: '778347787706', amountLabel: 'Rp 44.000' };
const UNFILLED = /\{[^}]*\}/;

describe('mandiriBillInstructions', () => {
  it.each(['id', 'en'] as const)("%s: Livin' first, then the Mandiri ATM", (lang) => {
    const blocks = mandiriBillInstructions(lang, fill);
    expect(blocks.map((block) => block.channel)).toEqual(['mobile', 'atm']);
    expect(blocks[0]?.title).toBe("Livin' by Mandiri");
  });

  it.each(['id', 'en'] as const)(
    '%s: every block gives the company code before the grouped bill key, and the amount',
    (lang) => {
      for (const block of mandiriBillInstructions(lang, fill)) {
        const company = block.steps.findIndex((step) => step.includes('70012'));
        const billKey = block.steps.findIndex((step) => step.includes('7783 4778 7706'));
        expect(company, block.title).toBeGreaterThanOrEqual(0);
        expect(billKey, block.title).toBeGreaterThan(company);
        expect(block.steps.some((step) => step.includes('Rp 44.000'))).toBe(true);
        for (const step of [block.title, ...block.steps]) expect(step).not.toMatch(UNFILLED);
        expect(block.steps.length).toBeLessThanOrEqual(8);
      }
    },
  );

  it('the ATM goes through "Multi Payment", and the company code is not the bill key’s start', () => {
    const atm = mandiriBillInstructions('id', { ...fill, billKey: '990000000260' })[1];
    expect(atm?.steps.join('\n')).toContain('"Multi Payment"');
    expect(atm?.steps.join('\n')).toContain('kode perusahaan 70012');
    expect(atm?.steps.join('\n')).toContain('nomor tagihan 9900 0000 0260');
  });

  it('Indonesian and English steps differ', () => {
    const id = mandiriBillInstructions('id', fill).flatMap((block) => block.steps);
    const en = new Set(mandiriBillInstructions('en', fill).flatMap((block) => block.steps));
    for (const step of id) expect(en.has(step), step).toBe(false);
  });
});
