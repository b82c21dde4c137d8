import { describe, expect, it } from 'vitest';
import { CATALOGS, fillPlaceholders, translator } from './messages.ts';

describe('message catalogs', () => {
  it('id and en have exactly the same keys', () => {
    expect(Object.keys(CATALOGS.en).sort()).toEqual(Object.keys(CATALOGS.id).sort());
  });

  it.each(['id', 'en'] as const)('%s has no empty text', (lang) => {
    const empty = Object.entries(CATALOGS[lang]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(['id', 'en'] as const)('%s uses the same placeholders as id for every key', (lang) => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(CATALOGS.id)) {
      expect(names(CATALOGS[lang][key as keyof typeof CATALOGS.id]), key).toEqual(names(text));
    }
  });
});

describe('translator', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translator('id')('submit', { amount: 'Rp 20.000' })).toBe('Bayar Rp 20.000');
    expect(translator('en')('submit', { amount: 'Rp 20.000' })).toBe('Pay Rp 20.000');
  });

  it('leaves a placeholder without a value as written', () => {
    expect(fillPlaceholders('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
