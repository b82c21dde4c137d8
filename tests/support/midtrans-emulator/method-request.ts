import { isJsonObject, objectAt, type JsonObject } from './json-fields.ts';
import type { QrisAcquirer, Store, VaBank } from './order.ts';

/** The per-method part of a valid charge request (A.2). */
export type MethodRequest =
  | { paymentType: 'bank_transfer'; bank: VaBank; vaNumber: string | null }
  | { paymentType: 'echannel'; billKey: string | null }
  | { paymentType: 'qris'; acquirer: QrisAcquirer }
  | { paymentType: 'gopay'; enableCallback: boolean; callbackUrl: string | null }
  | { paymentType: 'shopeepay'; callbackUrl: string | null }
  | { paymentType: 'cstore'; store: Store };

export type MethodParse = { ok: true; method: MethodRequest } | { ok: false; messages: string[] };

const VA_BANKS: readonly VaBank[] = ['bca', 'bni', 'bri', 'cimb', 'permata'];
const ACQUIRERS: readonly QrisAcquirer[] = ['gopay', 'airpay shopee'];
const STORES: readonly Store[] = ['alfamart', 'indomaret'];

function refuse(...messages: string[]): MethodParse {
  return { ok: false, messages };
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function parseBankTransfer(body: JsonObject): MethodParse {
  // The Permata guide's sample sends `"payment_type": "permata"` without `bank_transfer`.
  const details = objectAt(body, body.payment_type === 'permata' ? 'permata' : 'bank_transfer');
  const bank = body.payment_type === 'permata' ? 'permata' : details.bank;
  if (bank === undefined) return refuse('bank_transfer.bank is required');
  if (!VA_BANKS.includes(bank as VaBank))
    return refuse(`bank_transfer.bank ${String(bank)} is not supported`);
  const vaNumber = optionalText(details.va_number);
  if (vaNumber !== null && !/^\d+$/.test(vaNumber)) {
    return refuse('bank_transfer.va_number must contain only digits');
  }
  return { ok: true, method: { paymentType: 'bank_transfer', bank: bank as VaBank, vaNumber } };
}

function parseEchannel(body: JsonObject): MethodParse {
  const details = objectAt(body, 'echannel');
  const messages = ['bill_info1', 'bill_info2']
    .filter((field) => optionalText(details[field]) === null)
    .map((field) => `echannel.${field} is required`);
  const billKey = optionalText(details.bill_key);
  if (billKey !== null && !/^\d{6,12}$/.test(billKey)) {
    messages.push('echannel.bill_key must be 6 to 12 digits');
  }
  if (messages.length > 0) return refuse(...messages);
  return { ok: true, method: { paymentType: 'echannel', billKey } };
}

function parseQris(body: JsonObject): MethodParse {
  const acquirer = objectAt(body, 'qris').acquirer ?? 'gopay';
  if (!ACQUIRERS.includes(acquirer as QrisAcquirer)) {
    return refuse(`qris.acquirer ${String(acquirer)} is not supported`);
  }
  return { ok: true, method: { paymentType: 'qris', acquirer: acquirer as QrisAcquirer } };
}

function parseCstore(body: JsonObject): MethodParse {
  const store = objectAt(body, 'cstore').store;
  if (typeof store !== 'string') return refuse('cstore.store is required');
  // One Indomaret sample writes "Indomaret": the store name is matched in any case.
  const known = STORES.find((name) => name === store.toLowerCase());
  if (!known) return refuse(`cstore.store ${store} is not supported`);
  return { ok: true, method: { paymentType: 'cstore', store: known } };
}

/** Validates the method-specific part of a charge body. */
export function parseMethodRequest(body: JsonObject): MethodParse {
  switch (body.payment_type) {
    case 'bank_transfer':
    case 'permata':
      return parseBankTransfer(body);
    case 'echannel':
      return parseEchannel(body);
    case 'qris':
      return parseQris(body);
    case 'gopay': {
      const gopay = objectAt(body, 'gopay');
      const enableCallback = gopay.enable_callback === true;
      const callbackUrl = optionalText(gopay.callback_url);
      return { ok: true, method: { paymentType: 'gopay', enableCallback, callbackUrl } };
    }
    case 'shopeepay': {
      const callbackUrl = optionalText(objectAt(body, 'shopeepay').callback_url);
      return { ok: true, method: { paymentType: 'shopeepay', callbackUrl } };
    }
    case 'cstore':
      return parseCstore(body);
    case undefined:
      return refuse('payment_type is required');
    default:
      return refuse(`payment_type ${String(body.payment_type)} is not supported`);
  }
}

/**
 * `Idempotency-Key` is not supported for Permata VA and Indomaret (A.1): such charges run as
 * if no key had been sent. Read from the raw body, before validation.
 */
export function ignoresIdempotencyKey(body: unknown): boolean {
  if (!isJsonObject(body)) return false;
  if (body.payment_type === 'permata') return true;
  if (body.payment_type === 'bank_transfer')
    return objectAt(body, 'bank_transfer').bank === 'permata';
  const store = objectAt(body, 'cstore').store;
  return (
    body.payment_type === 'cstore' &&
    typeof store === 'string' &&
    store.toLowerCase() === 'indomaret'
  );
}
