import type { EmulatorCore } from './emulator-core.ts';
import { escapeHtml, formatRupiah, htmlPage } from './html-page.ts';
import { redirect, sendHtml, type Exchange, type Route } from './http-exchange.ts';
import type { Order, TransactionStatus } from './order.ts';

type Wallet = 'gopay' | 'shopeepay';

const WALLET_NAMES: Record<Wallet, string> = { gopay: 'GoPay', shopeepay: 'ShopeePay' };

const STATUS_TEXT: Record<TransactionStatus, string> = {
  pending: 'Waiting for payment',
  settlement: 'Paid',
  expire: 'This payment has expired',
  cancel: 'This payment was cancelled',
  deny: 'This payment was refused',
};

/**
 * Where the app sends the customer back (A.2): GoPay's `callback_url` only with
 * `enable_callback`, ShopeePay's whenever one was given.
 */
function callbackOf(order: Order): string | null {
  const instrument = order.instrument;
  const callback =
    (instrument.paymentType === 'gopay' && instrument.enableCallback) ||
    instrument.paymentType === 'shopeepay'
      ? instrument.callbackUrl
      : null;
  return callback !== null && URL.canParse(callback) ? callback : null;
}

/** `callback_url?order_id=…&result=success|failure`; works for app schemes too. */
function returnUrl(callback: string, order: Order, result: 'success' | 'failure'): string {
  const url = new URL(callback);
  url.searchParams.set('order_id', order.orderId);
  url.searchParams.set('result', result);
  return url.href;
}

function walletOrder(core: EmulatorCore, wallet: Wallet, transactionId: string) {
  const order = core.find(transactionId);
  return order?.instrument.paymentType === wallet && order.transactionId === transactionId
    ? order
    : undefined;
}

function appPage(wallet: Wallet, order: Order): string {
  const action = `/app/${wallet}/${encodeURIComponent(order.transactionId)}`;
  const buttons =
    order.status === 'pending'
      ? `<form method="post" action="${action}/pay"><button type="submit">Pay</button></form>
<form method="post" action="${action}/decline"><button type="submit">Cancel</button></form>`
      : '';
  return htmlPage(
    `${WALLET_NAMES[wallet]} (emulator)`,
    `<h1>${WALLET_NAMES[wallet]}</h1>
<p>Pay to Midtrans Emulator</p>
<p class="amount">${escapeHtml(formatRupiah(order.grossAmount))}</p>
<p>Order <code>${escapeHtml(order.orderId)}</code></p>
<p role="status">${escapeHtml(STATUS_TEXT[order.status])}</p>
${buttons}`,
  );
}

function notFound(exchange: Exchange) {
  sendHtml(exchange.response, 404, htmlPage('Not found', '<h1>No such payment</h1>'));
}

/**
 * A tiny stand-in for the wallet app a `deeplink-redirect` opens: Pay settles the order and,
 * like the real app, sends the browser back to the merchant's callback URL.
 */
export function walletAppRoutes(core: EmulatorCore): Route[] {
  const path = (suffix: string) => new RegExp(`^/app/(gopay|shopeepay)/([^/]+)${suffix}$`);
  return [
    {
      method: 'GET',
      path: path(''),
      handle: (exchange, [wallet, id]) => {
        const order = walletOrder(core, wallet as Wallet, id!);
        if (order === undefined) return notFound(exchange);
        sendHtml(exchange.response, 200, appPage(wallet as Wallet, order));
      },
    },
    {
      method: 'POST',
      path: path('/(pay|decline)'),
      handle: (exchange, [wallet, id, choice]) => {
        const order = walletOrder(core, wallet as Wallet, id!);
        if (order === undefined) return notFound(exchange);
        if (choice === 'pay') core.change(order.transactionId, 'pay', { via: 'app' });
        const callback = callbackOf(order);
        const paid = order.status === 'settlement';
        if (callback !== null && (choice === 'decline' || paid)) {
          return redirect(
            exchange.response,
            returnUrl(callback, order, paid ? 'success' : 'failure'),
          );
        }
        sendHtml(exchange.response, 200, appPage(wallet as Wallet, order));
      },
    },
  ];
}
