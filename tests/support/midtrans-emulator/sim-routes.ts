import * as v from 'valibot';
import type { AnswerContext } from './core-answers.ts';
import type { EmulatorCore } from './emulator-core.ts';
import {
  isFormPost,
  redirect,
  sendHtml,
  sendJson,
  type Exchange,
  type Route,
} from './http-exchange.ts';
import { orderListPage } from './order-list-page.ts';

const PayBody = v.strictObject({
  via: v.optional(v.picklist(['app', 'qr'])),
  issuer: v.optional(v.pipe(v.string(), v.nonEmpty())),
});
const ChargeFaultsBody = v.strictObject({
  faults: v.array(
    v.picklist(['http500', 'http503', 'timeout-before-create', 'timeout-after-create', 'slow']),
  ),
});
const StatusFaultsBody = v.strictObject({ faults: v.array(v.picklist(['http500', 'timeout'])) });
const CloseFaultsBody = StatusFaultsBody;
const NotificationModeBody = v.strictObject({
  drop: v.optional(v.boolean()),
  duplicate: v.optional(v.boolean()),
  badSignature: v.optional(v.boolean()),
  outOfOrder: v.optional(v.boolean()),
  delayMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** The JSON body (or, from the order page, form fields) checked by `schema`; null after a 400. */
function bodyOf<T extends v.GenericSchema>(exchange: Exchange, schema: T): v.InferOutput<T> | null {
  let value: unknown = {};
  if (isFormPost(exchange.request)) {
    value = Object.fromEntries(new URLSearchParams(exchange.body));
  } else if (exchange.body.trim() !== '') {
    try {
      value = JSON.parse(exchange.body);
    } catch {
      sendJson(exchange.response, 400, { error: 'body is not JSON' });
      return null;
    }
  }
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  sendJson(exchange.response, 400, { error: `${v.getDotPath(issue) ?? 'body'}: ${issue.message}` });
  return null;
}

/** Answers a control call: JSON for tests, back to the order page for a browser form. */
function done(exchange: Exchange, status: number, body: unknown) {
  if (isFormPost(exchange.request) && status < 400) return redirect(exchange.response, '/');
  sendJson(exchange.response, status, body);
}

const REFUSALS = {
  NOT_FOUND: { status: 404, error: 'no such order' },
  NOT_ALLOWED: { status: 409, error: 'the order is not in a state that allows this' },
} as const;

/** Test controls under `/_sim/` (emulator only, no auth) and the developer's order page. */
export function simRoutes(core: EmulatorCore, context: () => AnswerContext): Route[] {
  const change =
    (event: 'pay' | 'reverse') =>
    (exchange: Exchange, [id]: string[]) => {
      const body = event === 'pay' ? bodyOf(exchange, PayBody) : {};
      if (body === null) return;
      const result = core.change(id!, event, body);
      if (result.ok) return done(exchange, 200, core.record(result.order.transactionId));
      const refusal = REFUSALS[result.code];
      sendJson(exchange.response, refusal.status, { error: refusal.error });
    };
  const post = (path: RegExp, handle: Route['handle']): Route => ({ method: 'POST', path, handle });
  return [
    {
      method: 'GET',
      path: /^\/$/,
      handle: (exchange) =>
        sendHtml(exchange.response, 200, orderListPage(core.records(), context())),
    },
    post(/^\/_sim\/pay\/([^/]+)$/, change('pay')),
    post(/^\/_sim\/reverse\/([^/]+)$/, change('reverse')),
    post(/^\/_sim\/expire-due$/, (exchange) => {
      const expired = core.expireDue().map((order) => order.orderId);
      done(exchange, 200, { expired });
    }),
    post(/^\/_sim\/charge-faults$/, (exchange) => {
      const body = bodyOf(exchange, ChargeFaultsBody);
      if (body !== null) done(exchange, 200, { queued: core.addChargeFaults(body.faults) });
    }),
    post(/^\/_sim\/status-faults$/, (exchange) => {
      const body = bodyOf(exchange, StatusFaultsBody);
      if (body !== null) done(exchange, 200, { queued: core.addStatusFaults(body.faults) });
    }),
    post(/^\/_sim\/close-faults$/, (exchange) => {
      const body = bodyOf(exchange, CloseFaultsBody);
      if (body !== null) done(exchange, 200, { queued: core.addCloseFaults(body.faults) });
    }),
    post(/^\/_sim\/notification-mode$/, (exchange) => {
      const body = bodyOf(exchange, NotificationModeBody);
      if (body === null) return;
      core.setNotificationMode(body);
      done(exchange, 200, core.notificationMode());
    }),
    post(/^\/_sim\/reset$/, (exchange) => {
      core.reset();
      done(exchange, 200, { reset: true });
    }),
    {
      method: 'GET',
      path: /^\/_sim\/orders$/,
      handle: (exchange) => sendJson(exchange.response, 200, { orders: core.records() }),
    },
    {
      method: 'GET',
      path: /^\/_sim\/orders\/([^/]+)$/,
      handle: (exchange, [id]) => {
        const record = core.record(id!);
        if (record === undefined)
          return sendJson(exchange.response, 404, { error: 'no such order' });
        sendJson(exchange.response, 200, record);
      },
    },
  ];
}
