import { describe, expect, it } from 'vitest';
import { qrisInstructions } from './qris.ts';

const fill = { amountLabel: 'Rp 75.500', merchantName: 'Toko Kopi Senja' };

describe('qrisInstructions', () => {
  it.each(['id', 'en'] as const)(
    '%s: two filled blocks that name the amount and the merchant',
    (lang) => {
      const blocks = qrisInstructions(lang, fill);
      expect(blocks).toHaveLength(2);
      for (const block of blocks) {
        expect(block.steps.length).toBeGreaterThanOrEqual(3);
        expect(block.steps.join('\n')).not.toMatch(/\{[^}]*\}/);
        expect(block.steps.some((step) => step.includes(fill.amountLabel))).toBe(true);
        expect(block.steps.some((step) => step.includes(fill.merchantName))).toBe(true);
      }
    },
  );

  it.each([
    ['id', /galeri/],
    ['en', /gallery/],
  ] as const)(
    '%s: paying on this phone (save the image, pick it from the gallery) comes first',
    (lang, gallery) => {
      const [onThisPhone, fromAnother] = qrisInstructions(lang, fill);
      expect(onThisPhone?.channel).toBe('this_phone');
      expect(onThisPhone?.steps.join('\n')).toMatch(gallery);
      expect(fromAnother?.channel).toBe('other_phone');
    },
  );

  it('Indonesian and English texts differ', () => {
    const id = qrisInstructions('id', fill).flatMap((b) => [b.title, ...b.steps]);
    const en = new Set(qrisInstructions('en', fill).flatMap((b) => [b.title, ...b.steps]));
    for (const text of id) expect(en.has(text), text).toBe(false);
  });
});
