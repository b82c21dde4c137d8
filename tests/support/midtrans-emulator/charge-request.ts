import { isJsonObject, objectAt, readWholeNumber, type JsonObject } from './json-fields.ts';
import { parseMethodRequest, type MethodRequest } from './method-request.ts';
import { EXPIRY_UNIT_MS, parseOrderTime, type ExpiryUnit } from './wib-time.ts';

/** A `custom_expiry` that passed validation; `orderTime` null means "from the transaction time". */
export type CustomExpiry = { orderTime: number | null; durationMs: number };

/** A charge request that passed validation. */
export type ChargeRequest = {
  orderId: string;
  grossAmount: number;
  method: MethodRequest;
  customExpiry: CustomExpiry | null;
};

export type ChargeParse = { ok: true; request: ChargeRequest } | { ok: false; messages: string[] };

/** A.6: String(50); besides letters and digits only `-`, `_`, `~` and `.`. */
const ORDER_ID = /^[A-Za-z0-9\-_~.]{1,50}$/;

function checkOrderId(value: unknown): string[] {
  if (value === undefined || value === '') return ['transaction_details.order_id is required'];
  if (typeof value !== 'string') return ['transaction_details.order_id must be a string'];
  if (value.length > 50) {
    return ['transaction_details.order_id may not be greater than 50 characters'];
  }
  if (!ORDER_ID.test(value)) {
    return ['transaction_details.order_id may only contain letters, digits, -, _, ~ and .'];
  }
  return [];
}

/** IDR has no decimals: Midtrans refuses `gross_amount` with a fraction (A.6). */
function checkGrossAmount(value: unknown): string[] {
  if (value === undefined) return ['transaction_details.gross_amount is required'];
  const amount = readWholeNumber(value);
  if (amount === null) return ['transaction_details.gross_amount must be an integer'];
  if (amount < 1) return ['transaction_details.gross_amount must be greater than or equal to 1'];
  return [];
}

/** With `item_details`, Σ price × quantity must equal `gross_amount` exactly (A.6). */
function checkItemDetails(items: unknown, grossAmount: number | null): string[] {
  if (items === undefined) return [];
  if (!Array.isArray(items)) return ['item_details must be an array'];
  let sum = 0;
  for (const [index, item] of items.entries()) {
    const price = isJsonObject(item) ? readWholeNumber(item.price) : null;
    const quantity = isJsonObject(item) ? readWholeNumber(item.quantity) : null;
    if (price === null) return [`item_details[${index}].price must be an integer`];
    if (quantity === null || quantity < 1) {
      return [`item_details[${index}].quantity must be a positive integer`];
    }
    sum += price * quantity;
  }
  if (grossAmount !== null && sum !== grossAmount) {
    return ['transaction_details.gross_amount is not equal to the sum of item_details'];
  }
  return [];
}

function parseCustomExpiry(body: JsonObject): CustomExpiry | string[] | null {
  if (body.custom_expiry === undefined) return null;
  const expiry = objectAt(body, 'custom_expiry');
  const duration = readWholeNumber(expiry.expiry_duration);
  const unit = expiry.unit ?? 'minute';
  const messages: string[] = [];
  if (duration === null || duration < 1) {
    messages.push('custom_expiry.expiry_duration must be a positive integer');
  }
  if (typeof unit !== 'string' || !Object.hasOwn(EXPIRY_UNIT_MS, unit)) {
    messages.push('custom_expiry.unit must be one of second, minute, hour, day');
  }
  let orderTime: number | null = null;
  if (expiry.order_time !== undefined) {
    orderTime = typeof expiry.order_time === 'string' ? parseOrderTime(expiry.order_time) : null;
    if (orderTime === null) {
      messages.push('custom_expiry.order_time must look like "2016-12-07 11:54:12 +0700"');
    }
  }
  if (messages.length > 0) return messages;
  return { orderTime, durationMs: duration! * EXPIRY_UNIT_MS[unit as ExpiryUnit] };
}

/** Validates a `POST /v2/charge` body; the messages become `validation_messages` (A.5). */
export function parseChargeRequest(body: unknown): ChargeParse {
  if (!isJsonObject(body)) return { ok: false, messages: ['request body must be a JSON object'] };
  const details = objectAt(body, 'transaction_details');
  const grossAmount = readWholeNumber(details.gross_amount);
  const method = parseMethodRequest(body);
  const customExpiry = parseCustomExpiry(body);
  const messages = [
    ...checkOrderId(details.order_id),
    ...checkGrossAmount(details.gross_amount),
    ...checkItemDetails(body.item_details, grossAmount),
    ...(method.ok ? [] : method.messages),
    ...(Array.isArray(customExpiry) ? customExpiry : []),
  ];
  if (messages.length > 0 || !method.ok || Array.isArray(customExpiry)) {
    return { ok: false, messages };
  }
  const orderId = details.order_id as string;
  return {
    ok: true,
    request: { orderId, grossAmount: grossAmount!, method: method.method, customExpiry },
  };
}
