import { setTimeout as sleep } from 'node:timers/promises';
import { parseChargeRequest } from './charge-request.ts';
import {
  chargeAnswer,
  errorAnswer,
  SERVER_ERROR,
  type AnswerContext,
  type JsonAnswer,
} from './core-answers.ts';
import type { EmulatorCore } from './emulator-core.ts';
import type { HeldRequests } from './held-requests.ts';
import { sendJson, type Exchange } from './http-exchange.ts';
import { usableKey } from './idempotency-keys.ts';
import { ignoresIdempotencyKey } from './method-request.ts';
import { notificationUrlsFor } from './notification-urls.ts';
import type { ChargeFault, ResolvedOptions } from './options.ts';

export type ChargeRouteDeps = {
  core: EmulatorCore;
  options: ResolvedOptions;
  held: HeldRequests;
  context: () => AnswerContext;
};

const MALFORMED = () =>
  errorAnswer(
    400,
    '413',
    'The request cannot be processed due to malformed syntax in the request body',
  );

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Validates, checks the order id and creates the order: the answer to send. */
function createCharge(deps: ChargeRouteDeps, exchange: Exchange, body: unknown): JsonAnswer {
  const parsed = parseChargeRequest(body);
  if (!parsed.ok) {
    return errorAnswer(400, '400', 'One or more parameters in the payload is invalid.', {
      validation_messages: parsed.messages,
    });
  }
  const urls = notificationUrlsFor(exchange.request, deps.options.notificationUrl);
  const created = deps.core.charge(parsed.request, urls);
  if (!created.ok) {
    return errorAnswer(
      406,
      '406',
      'order_id has been paid and utilized, please use another order ID',
    );
  }
  return chargeAnswer(created.order, deps.context(), deps.options.qrStringPolicy === 'always');
}

/** The answer a fault replaces the charge with; null when the request is lost (no answer). */
async function chargeUnder(
  fault: ChargeFault | null,
  deps: ChargeRouteDeps,
  exchange: Exchange,
  body: unknown,
): Promise<JsonAnswer | null> {
  if (fault === 'http500') return SERVER_ERROR();
  if (fault === 'http503') {
    return errorAnswer(503, '503', 'Bank/partner is experiencing connection issue.');
  }
  if (fault === 'timeout-before-create') return null;
  if (fault === 'slow') await sleep(deps.options.slowChargeMs);
  return createCharge(deps, exchange, body);
}

const STILL_RUNNING = {
  status_code: '202',
  status_message: 'A request with this Idempotency-Key is still being processed',
};

/** `POST /v2/charge` (A.2), after auth: idempotency, injected faults, then the charge itself. */
export async function handleCharge(deps: ChargeRouteDeps, exchange: Exchange): Promise<void> {
  const { response, request } = exchange;
  if (!(request.headers['content-type'] ?? '').includes('application/json')) {
    const answer = errorAnswer(403, '403', 'Content-Type must be application/json');
    return sendJson(response, answer.httpStatus, answer.body);
  }
  const json = readJson(exchange.body);
  if (!json.ok) return sendJson(response, 400, MALFORMED().body);

  const header = request.headers['idempotency-key'];
  const key = ignoresIdempotencyKey(json.value) ? null : usableKey(header as string | undefined);
  const claim = key === null ? null : deps.core.idempotency.claim(key);
  if (claim?.kind === 'running') return sendJson(response, 202, STILL_RUNNING);
  if (claim?.kind === 'replay') {
    return sendJson(response, claim.answer.httpStatus, claim.answer.body);
  }

  const fault = deps.core.takeChargeFault();
  const answer = await chargeUnder(fault, deps, exchange, json.value);
  if (key !== null) {
    // Only successes are kept (A.1); a lost request leaves the key free for the retry.
    if (answer?.body.status_code === '201') deps.core.idempotency.keep(key, answer);
    else deps.core.idempotency.release(key);
  }
  if (answer === null || fault === 'timeout-after-create') return deps.held.hold(response);
  sendJson(response, answer.httpStatus, answer.body);
}
