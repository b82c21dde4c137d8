import { describe, expect, it } from 'vitest';
import { walletInstructions } from './wallet-instructions.ts';

const base = { appName: 'GoPay', amountLabel: 'Rp 25.000' };
const UNFILLED = /\{[^}]*\}/;

describe('walletInstructions', () => {
  it.each(['id', 'en'] as const)(
    '%s: opening the app on this phone, then scanning from another',
    (lang) => {
      const blocks = walletInstructions(lang, { ...base, hasDeeplink: true, scan: 'app' });
      expect(blocks.map((block) => block.channel)).toEqual(['this_phone', 'other_phone']);
      for (const block of blocks) {
        expect(block.steps.join('\n')).toContain('GoPay');
        expect(block.steps.some((step) => step.includes('Rp 25.000'))).toBe(true);
        for (const text of [block.title, ...block.steps]) expect(text).not.toMatch(UNFILLED);
      }
    },
  );

  it.each([
    ['id', 'Ketuk tombol "Buka GoPay"'],
    ['en', 'Tap the "Open GoPay" button'],
  ] as const)('%s: the first step names the page’s button', (lang, words) => {
    const [first] = walletInstructions(lang, { ...base, hasDeeplink: true, scan: null });
    expect(first?.steps[0]).toContain(words);
  });

  it('only the ways there are: no link, no button block; no QR, no scan block', () => {
    expect(
      walletInstructions('id', { ...base, hasDeeplink: false, scan: 'app' }).map((b) => b.channel),
    ).toEqual(['other_phone']);
    expect(
      walletInstructions('id', { ...base, hasDeeplink: true, scan: null }).map((b) => b.channel),
    ).toEqual(['this_phone']);
  });

  it.each([
    ['id', /kamera/],
    ['en', /camera/],
  ] as const)(
    '%s: a QR holding only the deep link is scanned with the camera, not the app',
    (lang, camera) => {
      const fill = { ...base, appName: 'ShopeePay', hasDeeplink: false };
      const [byCamera] = walletInstructions(lang, { ...fill, scan: 'camera' });
      const [byApp] = walletInstructions(lang, { ...fill, scan: 'app' });
      expect(byCamera?.title).toMatch(camera);
      expect(byApp?.title).toContain('ShopeePay');
      expect(byApp?.title).not.toMatch(camera);
    },
  );

  it('Indonesian and English steps differ', () => {
    const fill = { ...base, hasDeeplink: true, scan: 'camera' as const };
    const id = walletInstructions('id', fill).flatMap((block) => block.steps);
    const en = new Set(walletInstructions('en', fill).flatMap((block) => block.steps));
    for (const step of id) expect(en.has(step), step).toBe(false);
  });
});
