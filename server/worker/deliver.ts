import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { nextAttemptDelayMs } from '../domain/callback/retry-schedule.ts';
import { callbackHeaders } from '../domain/callback/sign-callback.ts';
import type { AttemptOutcome, Delivery } from '../domain/delivery/delivery.ts';
import type { Deps } from '../deps.ts';
import { classOf } from '../logging/error-summary.ts';
import { maskAddresses } from '../logging/redact.ts';
import { isDatabaseUnavailable } from '../store/database-unavailable.ts';
import { postWebhook } from './send-webhook.ts';

const StoredMail = v.object({
  to: v.string(),
  subject: v.string(),
  text: v.string(),
  html: v.string(),
  // Absent in mails queued before merchants had a sender name and a Reply-To.
  fromName: v.optional(v.string()),
  replyTo: v.optional(v.nullable(v.string())),
});

async function sendWebhook(deps: Deps, delivery: Delivery): Promise<AttemptOutcome> {
  const account = await deps.accounts.findCredentialsById(delivery.accountId);
  if (!account) return { ok: false, statusCode: null, error: 'account not found' };
  const headers = callbackHeaders({
    body: delivery.payload,
    url: delivery.target,
    webhookId: delivery.messageId,
    timestamp: Math.floor(deps.clock().getTime() / 1000),
    clientSecret: deps.secretBox.open(account.clientSecretSealed),
    webhookSecret: deps.secretBox.open(account.webhookSecretSealed),
    apiKey: account.apiKeySealed ? deps.secretBox.open(account.apiKeySealed) : '',
    accessToken: randomBytes(24).toString('base64url'),
  });
  return postWebhook(delivery.target, delivery.payload, headers, {
    allowPrivate: deps.config.CALLBACK_ALLOW_PRIVATE,
  });
}

async function sendMail(deps: Deps, delivery: Delivery): Promise<AttemptOutcome> {
  const mail = v.parse(StoredMail, JSON.parse(delivery.payload));
  try {
    await deps.mailer.send({ ...mail, messageId: `<${delivery.messageId}@paylink>` });
    return { ok: true, statusCode: null };
  } catch (error) {
    // A refusal may quote the customer's address; it is recorded and logged without it.
    return {
      ok: false,
      statusCode: null,
      error: maskAddresses(error instanceof Error ? error.message : String(error)),
    };
  }
}

/**
 * One attempt at one delivery, then its record: delivered, retried on the schedule (with
 * jitter), or given up once the schedule (over 24 hours) is spent (SPEC §6).
 */
export async function attemptDelivery(deps: Deps, delivery: Delivery): Promise<AttemptOutcome> {
  let outcome: AttemptOutcome;
  try {
    outcome =
      delivery.channel === 'webhook'
        ? await sendWebhook(deps, delivery)
        : await sendMail(deps, delivery);
  } catch (error) {
    // An outage is not the merchant's failed attempt: the lease lapses and the worker tries
    // again once the database is back. Anything else is recorded by its class only: a
    // message may quote a query's parameters.
    if (isDatabaseUnavailable(error)) throw error;
    outcome = {
      ok: false,
      statusCode: null,
      error: `internal error (${classOf(error)})`,
    };
  }
  const at = deps.clock();
  const delay =
    outcome.ok || outcome.isFinal ? null : nextAttemptDelayMs(delivery.attempts + 1, Math.random());
  const retryAt = delay === null ? null : new Date(at.getTime() + delay);
  await deps.deliveries.recordAttempt(delivery.id, outcome, at, retryAt);
  const fields = {
    delivery_id: delivery.id,
    event: delivery.event,
    attempt: delivery.attempts + 1,
    http_status: outcome.statusCode,
  };
  if (outcome.ok) deps.log.info('delivery attempt: delivered', fields);
  else
    deps.log.warn('delivery attempt failed', {
      ...fields,
      error: outcome.error,
      next_try: retryAt ? retryAt.toISOString() : 'giving up',
    });
  return outcome;
}
