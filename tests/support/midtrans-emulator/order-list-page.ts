import type { AnswerContext } from './core-answers.ts';
import { actionsOf } from './core-answers.ts';
import { escapeHtml, formatRupiah, htmlPage } from './html-page.ts';
import type { Order } from './order.ts';
import { formatWib } from './wib-time.ts';

function methodOf(order: Order): string {
  const instrument = order.instrument;
  switch (instrument.paymentType) {
    case 'bank_transfer':
      return `${instrument.bank.toUpperCase()} VA ${instrument.vaNumber}`;
    case 'echannel':
      return `Mandiri Bill ${instrument.billerCode} / ${instrument.billKey}`;
    case 'cstore':
      return `${instrument.store} ${instrument.paymentCode}`;
    case 'qris':
      return `QRIS (${instrument.acquirer})`;
    default:
      return instrument.paymentType;
  }
}

function payForms(order: Order): string {
  if (order.status !== 'pending') return '';
  const action = `/_sim/pay/${encodeURIComponent(order.orderId)}`;
  const payByQr =
    order.instrument.paymentType === 'gopay'
      ? `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="via" value="qr"><button type="submit">Pay by QR</button></form>`
      : '';
  return `<form method="post" action="${escapeHtml(action)}"><button type="submit">Pay</button></form>${payByQr}`;
}

function links(order: Order, baseUrl: string): string {
  return actionsOf(order, baseUrl)
    .filter((action) => action.method === 'GET' && action.name !== 'get-status')
    .map(
      (action) =>
        `<a href="${escapeHtml(String(action.url))}">${escapeHtml(String(action.name))}</a>`,
    )
    .join(' ');
}

function row(order: Order, context: AnswerContext): string {
  const cells = [
    `<code>${escapeHtml(order.orderId)}</code>`,
    escapeHtml(methodOf(order)),
    escapeHtml(formatRupiah(order.grossAmount)),
    escapeHtml(order.status),
    escapeHtml(formatWib(order.expiryTime)),
    payForms(order) + links(order, context.baseUrl),
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}

/** The developer's page: every order, newest first, each pending one with a Pay button. */
export function orderListPage(orders: Order[], context: AnswerContext): string {
  const rows = orders.toReversed().map((order) => row(order, context));
  const table =
    rows.length === 0
      ? '<p>No charges yet. Point Paylink at this URL and start a payment.</p>'
      : `<table>
<thead><tr><th>Order</th><th>Method</th><th>Amount</th><th>Status</th><th>Expires (WIB)</th><th></th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>`;
  return htmlPage(
    'Midtrans emulator',
    `<h1>Midtrans emulator</h1>
<p>Server key <code>${escapeHtml(context.serverKey)}</code>, merchant <code>${escapeHtml(context.merchantId)}</code>. <a href="/">Refresh</a></p>
${table}`,
  );
}
