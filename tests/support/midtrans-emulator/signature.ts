import { createHash } from 'node:crypto';

/** A.4: `hex(SHA-512(order_id + status_code + gross_amount + ServerKey))`, lowercase. */
export function signatureKey(
  orderId: string,
  statusCode: string,
  grossAmount: string,
  serverKey: string,
): string {
  return createHash('sha512')
    .update(orderId + statusCode + grossAmount + serverKey)
    .digest('hex');
}
