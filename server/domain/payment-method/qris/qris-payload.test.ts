import { crc16ccitt } from 'crc';
import { parseFullQR } from 'emvco-qr-sdk';
import { parse as promptparse } from 'promptparse';
import { describe, expect, it } from 'vitest';
import { crc16CcittFalse } from './crc16.ts';
import { buildDynamicQris, SANDBOX_QRIS_MERCHANT, toQrisText } from './qris-payload.ts';
import { readQris } from './qris-reader.ts';
import { parseTlv } from './tlv.ts';

/** Public payloads whose CRCs were checked independently (reference §1.9). */
const KNOWN_GOOD = [
  '00020101021126690020ID.CO.CONTOHBANK.WWW011893609999000001234502120000000123450303UMI51440014ID.CO.QRIS.WWW0215ID10241234567890303UMI5204581253033605802ID5913WARUNG CONTOH6015JAKARTA SELATAN61051294062070703A016304273F',
  '00020101021226690020ID.CO.CONTOHBANK.WWW011893609999000001234502120000000123450303UMI51440014ID.CO.QRIS.WWW0215ID10241234567890303UMI52045812530336054061500005802ID5913WARUNG CONTOH6015JAKARTA SELATAN61051294062260115INV-2024-0001230703A0163048442',
  '00020101021226530012COM.DOKU.WWW0118936008990000002475020424750303URE51440014ID.CO.QRIS.WWW0215ID10200392934820303URE5204539953033605404100055020256035005802ID5911GUREUM SHOP6013JAKARTA PUSAT61051064062070703A016304FD26',
];

const sample = () =>
  buildDynamicQris({
    merchant: SANDBOX_QRIS_MERCHANT,
    merchantName: 'Toko Kopi Ñusantara | Jakarta Selatan Raya',
    amount: 150_000,
    reference: 'PYABCDEF0123456789',
  });

describe('CRC-16/CCITT-FALSE', () => {
  it('has the standard check value 29B1 for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('pads to four digits and agrees with an independent implementation', () => {
    for (const text of ['', 'A', '0002010102', ...KNOWN_GOOD.map((p) => p.slice(0, -4))]) {
      const theirs = crc16ccitt(text).toString(16).toUpperCase().padStart(4, '0');
      expect(crc16CcittFalse(text)).toBe(theirs);
      expect(crc16CcittFalse(text)).toMatch(/^[0-9A-F]{4}$/);
    }
  });

  it('reproduces the CRC of real payloads', () => {
    for (const payload of KNOWN_GOOD) {
      expect(crc16CcittFalse(payload.slice(0, -4))).toBe(payload.slice(-4));
    }
  });
});

describe('buildDynamicQris', () => {
  it('writes the tags of SPEC §5 in order, with the amount and the reference', () => {
    const objects = parseTlv(sample());
    expect(objects?.map((o) => o.id)).toEqual([
      '00',
      '01',
      '26',
      '51',
      '52',
      '53',
      '54',
      '58',
      '59',
      '60',
      '61',
      '62',
      '63',
    ]);
    const tag = (id: string) => objects?.find((o) => o.id === id)?.value;
    expect(tag('00')).toBe('01');
    expect(tag('01')).toBe('12');
    expect(tag('53')).toBe('360');
    expect(tag('54')).toBe('150000');
    expect(tag('58')).toBe('ID');
    expect(parseTlv(tag('51') ?? '')?.[0]).toEqual({ id: '00', value: 'ID.CO.QRIS.WWW' });
    expect(parseTlv(tag('62') ?? '')).toEqual([{ id: '05', value: 'PYABCDEF0123456789' }]);
  });

  it('keeps names within QRIS limits: ASCII, no pipe, 25 for the name and 15 for the city', () => {
    const objects = parseTlv(sample());
    const name = objects?.find((o) => o.id === '59')?.value ?? '';
    expect(name.length).toBeLessThanOrEqual(25);
    expect(name).toBe('Toko Kopi Nusantara Jakar');
    expect(toQrisText('Jakarta Selatan Raya', 15)).toBe('Jakarta Selatan');
    expect(toQrisText('日本', 25)).toBe('PAYLINK');
  });

  it('is accepted by independent EMVCo parsers, CRC included', () => {
    const payload = sample();
    expect(payload.length).toBeLessThanOrEqual(512);
    expect(parseFullQR(payload, {}).crc.isValid).toBe(true);
    expect(promptparse(payload, true)).not.toBeNull();
    const tampered = payload.replace('5406150000', '5406150001');
    expect(parseFullQR(tampered, {}).crc.isValid).toBe(false);
    expect(promptparse(tampered, true)).toBeNull();
  });

  it('refuses amounts that are not whole positive rupiah and references longer than 25', () => {
    const base = { merchant: SANDBOX_QRIS_MERCHANT, merchantName: 'Toko', reference: 'PY1' };
    expect(() => buildDynamicQris({ ...base, amount: 0 })).toThrow();
    expect(() => buildDynamicQris({ ...base, amount: 10.5 })).toThrow();
    expect(() => buildDynamicQris({ ...base, amount: 1000, reference: 'X'.repeat(26) })).toThrow();
  });
});

describe('readQris', () => {
  it('reads back what buildDynamicQris wrote', () => {
    expect(readQris(sample())).toEqual({
      ok: true,
      value: { amount: 150_000, reference: 'PYABCDEF0123456789' },
    });
  });

  it('accepts real payloads and reads their amount', () => {
    const read = readQris(KNOWN_GOOD[1] ?? '');
    expect(read).toEqual({ ok: true, value: { amount: 150_000, reference: null } });
  });

  it.each([
    ['a changed CRC', (p: string) => `${p.slice(0, -4)}0000`],
    ['a changed amount', (p: string) => p.replace('5406150000', '5406150001')],
    ['a wrong length byte', (p: string) => p.replace('5802ID', '5803ID')],
    ['a truncated payload', (p: string) => p.slice(0, 40)],
    ['plain text', () => 'hello world'],
    ['lowercase garbage', () => '0002zz'],
  ])('refuses %s', (_what, mutate) => {
    const read = readQris(mutate(sample()));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.code).toBe('VALIDATION_FAILED');
  });
});
