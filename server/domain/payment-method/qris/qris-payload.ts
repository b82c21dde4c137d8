import { crc16CcittFalse } from './crc16.ts';
import { tlv } from './tlv.ts';

/** The acquirer side of our QRIS: who the money goes to (configuration, not per payment). */
export type QrisMerchant = {
  /** Tag 26/00: the acquirer's reverse-domain GUI. */
  acquirerGui: string;
  /** Tag 26/01: merchant PAN, NNS (8 digits) first. */
  merchantPan: string;
  /** Tag 26/02 */
  merchantId: string;
  /** Tag 51/02: national merchant id (NMID). */
  nmid: string;
  /** Tag 26/03 and 51/03: UMI, UKE, UME, UBE, URE. */
  criteria: string;
  /** Tag 52: ISO 18245 merchant category code. */
  mcc: string;
  city: string;
  postalCode: string;
};

export type DynamicQrisRequest = {
  merchant: QrisMerchant;
  merchantName: string;
  amount: number;
  /** Tag 62/05: the payment's reference, ≤ 25 characters. */
  reference: string;
};

/** Text fit for a QRIS name field: printable ASCII without `|`, cut to `max` characters. */
export function toQrisText(text: string, max: number): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.slice(0, max).trim() || 'PAYLINK';
}

/**
 * A dynamic QRIS payload (SPEC §5; EMVCo MPM with the Indonesian profile): tag order 00, 01,
 * 26, 51, 52, 53, 54, 58, 59, 60, 61, 62, then the CRC over everything up to and including
 * `6304`.
 */
export function buildDynamicQris(request: DynamicQrisRequest): string {
  const { merchant } = request;
  if (!Number.isSafeInteger(request.amount) || request.amount < 1) {
    throw new Error('QRIS amount must be a positive whole number of rupiah');
  }
  if (!/^[A-Za-z0-9._-]{1,25}$/.test(request.reference)) {
    throw new Error('QRIS reference must be 1–25 characters of A-Z a-z 0-9 . _ -');
  }
  const body = [
    tlv('00', '01'),
    tlv('01', '12'),
    tlv(
      '26',
      tlv('00', merchant.acquirerGui) +
        tlv('01', merchant.merchantPan) +
        tlv('02', merchant.merchantId) +
        tlv('03', merchant.criteria),
    ),
    tlv(
      '51',
      tlv('00', 'ID.CO.QRIS.WWW') + tlv('02', merchant.nmid) + tlv('03', merchant.criteria),
    ),
    tlv('52', merchant.mcc),
    tlv('53', '360'),
    tlv('54', String(request.amount)),
    tlv('58', 'ID'),
    tlv('59', toQrisText(request.merchantName, 25)),
    tlv('60', toQrisText(merchant.city, 15)),
    tlv('61', merchant.postalCode),
    tlv('62', tlv('05', request.reference)),
  ].join('');
  const signed = `${body}6304`;
  return signed + crc16CcittFalse(signed);
}

/** A made-up acquirer for the sandbox: no real app will pay it. */
export const SANDBOX_QRIS_MERCHANT: QrisMerchant = {
  acquirerGui: 'ID.CO.PAYLINK.WWW',
  merchantPan: '936099990000000001',
  merchantId: 'PAYLINK000001',
  nmid: 'ID1026000000001',
  criteria: 'UMI',
  mcc: '5999',
  city: 'JAKARTA',
  postalCode: '10110',
};
