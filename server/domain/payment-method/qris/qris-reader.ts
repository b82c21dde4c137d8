import { type Result, failure, success } from '../../shared/result.ts';
import { crc16CcittFalse } from './crc16.ts';
import { parseTlv } from './tlv.ts';

export type ScannedQris = { amount: number | null; reference: string | null };

/**
 * Reads a scanned QRIS text the way an acquirer would: well-formed TLV, `00` first and `63`
 * last, a matching CRC, IDR; then the amount (tag 54) and the reference (tag 62/05).
 */
export function readQris(text: string): Result<ScannedQris> {
  const invalid = (why: string) =>
    failure('VALIDATION_FAILED', `Not a valid QRIS payload: ${why}.`, { qr_string: [why] });
  const payload = text.trim();
  if (payload.length > 512) return invalid('longer than 512 characters');
  const objects = parseTlv(payload);
  if (!objects || objects.length < 2) return invalid('malformed data objects');
  const first = objects[0];
  const last = objects[objects.length - 1];
  if (first?.id !== '00' || first.value !== '01')
    return invalid('tag 00 must come first with value 01');
  if (last?.id !== '63' || !/^[0-9A-Fa-f]{4}$/.test(last.value))
    return invalid('tag 63 (CRC) must come last');
  const expected = crc16CcittFalse(payload.slice(0, -4));
  if (expected !== last.value.toUpperCase()) return invalid('CRC does not match');
  const ids = objects.map((object) => object.id);
  if (new Set(ids).size !== ids.length) return invalid('a tag appears twice');
  const byId = new Map(objects.map((object) => [object.id, object.value]));
  if (byId.get('53') !== '360') return invalid('currency (tag 53) must be 360');
  const amountText = byId.get('54');
  if (amountText !== undefined && !/^\d+(\.\d{0,2})?$/.test(amountText))
    return invalid('malformed amount');
  const additional = byId.get('62');
  const reference = additional
    ? (parseTlv(additional)?.find((o) => o.id === '05')?.value ?? null)
    : null;
  return success({ amount: amountText === undefined ? null : Number(amountText), reference });
}

/** Who a QRIS code pays, as a customer's app shows it: tag 59 and the NMID (tag 51/02). */
export type QrisPayee = { merchantName: string | null; nmid: string | null };

/**
 * Reads the payee of a QRIS payload for the page's QRIS cues (issue 12): the merchant name
 * (tag 59) and the national merchant id, NMID (tag 51, sub-tag 02, under the
 * `ID.CO.QRIS.WWW` domain). Absent or malformed parts read null; the CRC is not checked here.
 */
export function readQrisPayee(text: string): QrisPayee {
  const objects = parseTlv(text.trim()) ?? [];
  const byId = new Map(objects.map((object) => [object.id, object.value]));
  const national = parseTlv(byId.get('51') ?? '') ?? [];
  return {
    merchantName: byId.get('59') ?? null,
    nmid: national.find((object) => object.id === '02')?.value ?? null,
  };
}
