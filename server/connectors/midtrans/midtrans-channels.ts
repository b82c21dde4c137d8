/**
 * How each catalog code is charged at Midtrans (`payment_type` and its channel object,
 * reference A.2): one table, read both to build a charge and to read its answer.
 */
export type MidtransChannel =
  | { paymentType: 'bank_transfer'; bank: 'bca' | 'bni' | 'bri' | 'cimb' | 'permata' }
  | { paymentType: 'echannel' }
  | { paymentType: 'qris' }
  | { paymentType: 'gopay' }
  | { paymentType: 'shopeepay' }
  | { paymentType: 'cstore'; store: 'alfamart' | 'indomaret' };

const CHANNELS: Readonly<Record<string, MidtransChannel>> = {
  QRIS: { paymentType: 'qris' },
  VA_BCA: { paymentType: 'bank_transfer', bank: 'bca' },
  VA_BNI: { paymentType: 'bank_transfer', bank: 'bni' },
  VA_BRI: { paymentType: 'bank_transfer', bank: 'bri' },
  VA_MANDIRI: { paymentType: 'echannel' },
  VA_PERMATA: { paymentType: 'bank_transfer', bank: 'permata' },
  VA_CIMB: { paymentType: 'bank_transfer', bank: 'cimb' },
  GOPAY: { paymentType: 'gopay' },
  SHOPEEPAY: { paymentType: 'shopeepay' },
  ALFAMART: { paymentType: 'cstore', store: 'alfamart' },
  INDOMARET: { paymentType: 'cstore', store: 'indomaret' },
};

/** The Midtrans channel behind a catalog code; undefined for a code Midtrans does not offer. */
export function midtransChannelOf(code: string): MidtransChannel | undefined {
  return Object.hasOwn(CHANNELS, code) ? CHANNELS[code] : undefined;
}
