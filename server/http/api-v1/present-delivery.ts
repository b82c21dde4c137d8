import * as v from 'valibot';
import { DELIVERY_CHANNELS, type Delivery } from '../../domain/delivery/delivery.ts';
import { toWibIso } from '../../domain/shared/jakarta-time.ts';
import { NullableText, WholeNumber, WibTime } from '../envelope-schemas.ts';

/** One callback or mail with its attempts (SPEC §3.4 webhook deliveries). */
export const DeliveryObjectSchema = v.pipe(
  v.strictObject({
    id: WholeNumber,
    event: v.string(),
    channel: v.picklist(DELIVERY_CHANNELS),
    target: v.string(),
    webhook_id: v.string(),
    payment_link_id: v.nullable(WholeNumber),
    attempts: WholeNumber,
    last_status_code: v.nullable(WholeNumber),
    last_error: v.pipe(
      NullableText,
      v.description(
        'A callback: `HTTP <status>`, `timeout`, `connection_failed` or ' +
          '`destination_not_allowed` (SPEC §6). A mail: what the mail server answered.',
      ),
    ),
    next_attempt_at: v.nullable(WibTime),
    delivered_at: v.nullable(WibTime),
    failed_at: v.nullable(WibTime),
    created_at: WibTime,
  }),
  v.title('WebhookDelivery'),
);

const WEBHOOK_ERROR = /^(?:HTTP \d{3}|timeout|connection_failed|destination_not_allowed)$/;

/**
 * SPEC §6: a callback's error is its HTTP status or one of three words. Rows written before
 * that rule kept socket errors (`fetch failed (ECONNRESET)`); they read as what they were.
 */
export function shownWebhookError(stored: string | null): string | null {
  if (stored === null || WEBHOOK_ERROR.test(stored)) return stored;
  return /^timeout\b/.test(stored) ? 'timeout' : 'connection_failed';
}

export function presentDelivery(delivery: Delivery): v.InferOutput<typeof DeliveryObjectSchema> {
  const settled = delivery.deliveredAt ?? delivery.failedAt;
  return {
    id: delivery.id,
    event: delivery.event,
    channel: delivery.channel,
    // A mail's address is the customer's: shown to the merchant who holds it anyway.
    target: delivery.target,
    webhook_id: delivery.messageId,
    payment_link_id: delivery.linkId,
    attempts: delivery.attempts,
    last_status_code: delivery.lastStatusCode,
    last_error:
      delivery.channel === 'webhook' ? shownWebhookError(delivery.lastError) : delivery.lastError,
    next_attempt_at: settled ? null : toWibIso(delivery.nextAttemptAt),
    delivered_at: delivery.deliveredAt ? toWibIso(delivery.deliveredAt) : null,
    failed_at: delivery.failedAt ? toWibIso(delivery.failedAt) : null,
    created_at: toWibIso(delivery.createdAt),
  };
}
