import { describe, expect, it } from 'vitest';
import { vaHolderName } from './va-holder-name.ts';

describe('vaHolderName: the name the bank shows for the VA', () => {
  it.each([
    ['Toko Kopi Senja', 'TOKO KOPI SENJA'],
    ['  Kopi   &  Teh  ', 'KOPI & TEH'],
    ['Café Brûlée', 'CAFE BRULEE'],
    ['Warung 😀 Bu Tini', 'WARUNG BU TINI'],
    ['PT. Maju-Jaya (Persero)', 'PT. MAJU-JAYA (PERSERO)'],
    ['Toko\nBaru', 'TOKO BARU'],
  ])('%j → %j', (name, holder) => {
    expect(vaHolderName('VA_BRI', [name])).toBe(holder);
  });

  it('is cut to 30 characters, 20 for Permata, without a trailing space', () => {
    const name = 'Perusahaan Dagang Sumber Rejeki Abadi Sentosa';
    expect(vaHolderName('VA_BCA', [name])).toBe('PERUSAHAAN DAGANG SUMBER REJEK');
    expect(vaHolderName('VA_PERMATA', [name])).toBe('PERUSAHAAN DAGANG SU');
    expect(vaHolderName('VA_PERMATA', ['Toko Kopi Senja Jaya Abadi'])).toBe('TOKO KOPI SENJA JAYA');
    expect(vaHolderName('VA_PERMATA', ['Toko Kopi Senja Jay Abadi'])).toBe('TOKO KOPI SENJA JAY');
  });

  it('takes the first name that has Latin letters or digits left', () => {
    expect(vaHolderName('VA_BNI', ['北京烤鸭', 'Bebek Peking'])).toBe('BEBEK PEKING');
    expect(vaHolderName('VA_BNI', ['😀'])).toBe('MERCHANT');
  });
});
