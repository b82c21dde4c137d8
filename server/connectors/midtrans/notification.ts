import { createHash, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import type { NotificationOutcome } from '../../domain/connector/connector.ts';

/** The signed fields, as the body's own strings; the rest of the body is let through. */
const SignedSchema = v.looseObject({
  order_id: v.pipe(v.string(), v.nonEmpty()),
  status_code: v.string(),
  gross_amount: v.string(),
  signature_key: v.string(),
});

/**
 * Whether a notification body was signed with our server key (reference A.4):
 * `signature_key` = lowercase hex SHA-512 of `order_id + status_code + gross_amount +
 * serverKey`, over the body's strings as sent (`"44000.00"` keeps its decimals). Compared in
 * constant time. A verified notice only names the order: its state is read from the status
 * API, never from the body.
 */
export function verifyNotification(body: unknown, serverKey: string): NotificationOutcome {
  const parsed = v.safeParse(SignedSchema, body);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { order_id, status_code, gross_amount, signature_key } = parsed.output;
  // With no key anyone could sign; such a configuration believes nothing.
  if (serverKey === '') return { ok: false, reason: 'unverified' };
  const expected = createHash('sha512')
    .update(order_id + status_code + gross_amount + serverKey, 'utf8')
    .digest('hex');
  const given = Buffer.from(signature_key, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return { ok: false, reason: 'unverified' };
  }
  return { ok: true, orderId: order_id };
}
