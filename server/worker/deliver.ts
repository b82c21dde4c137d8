import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { nextAttemptDelayMs } from '../domain/callback/retry-schedule.ts';
import { callbackHeaders } from '../domain/callback/sign-callback.ts';
import type { AttemptOutcome, Delivery } from '../domain/delivery/delivery.ts';
import type { Deps } from '../deps.ts';
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
    return {
      ok: false,
      statusCode: null,
      error: error instanceof Error ? error.message : String(error),
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
    outcome = {
      ok: false,
      statusCode: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  const at = deps.clock();
  const delay =
    outcome.ok || outcome.isFinal ? null : nextAttemptDelayMs(delivery.attempts + 1, Math.random());
  const retryAt = delay === null ? null : new Date(at.getTime() + delay);
  await deps.deliveries.recordAttempt(delivery.id, outcome, at, retryAt);
  const what = `delivery ${delivery.id} (${delivery.event}) attempt ${delivery.attempts + 1}`;
  if (outcome.ok)
    deps.log.info(`${what}: delivered${outcome.statusCode ? ` (HTTP ${outcome.statusCode})` : ''}`);
  else
    deps.log.warn(
      `${what}: ${outcome.error}; ${retryAt ? `next try ${retryAt.toISOString()}` : 'giving up'}`,
    );
  return outcome;
}
