import { normalizeIndonesianPhone } from './indonesian-phone.ts';

/**
 * A number customers can call or message: a mobile number (as normalizeIndonesianPhone reads
 * them) or a fixed line with its area code (`021-5551234`, `(0274) 512345`, `+62 21 555…`),
 * normalised to E.164; null when it is neither. A fixed line's national number starts with
 * 2–7 (the area codes) and has 7 to 11 digits.
 */
export function normalizeIndonesianContactPhone(input: string): string | null {
  const mobile = normalizeIndonesianPhone(input);
  if (mobile) return mobile;
  const compact = input.replace(/[\s\-().]/g, '');
  const match = /^(?:\+62|62|0)([2-7]\d{6,10})$/.exec(compact);
  return match ? `+62${match[1]}` : null;
}
