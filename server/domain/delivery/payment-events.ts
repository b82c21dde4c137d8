import type { Account } from '../account/account.ts';
import { merchantContactOf, merchantNameOf } from '../account/merchant-identity.ts';
import { buildInquiryBody, type InquiryEvent } from '../callback/inquiry-body.ts';
import { buildV1TransactionBody } from '../callback/payment-link-transaction-body.ts';
import { buildV4PaymentLinkBody } from '../callback/v4-payment-link-body.ts';
import {
  composeLinkMail,
  composePaymentMail,
  composeReceiptMail,
  type PaymentMailChannel,
} from '../mail/index.ts';
import { storeName, walletAppName } from '../payment-method/channel-names.ts';
import { findVaBank, groupDigits } from '../payment-method/va/va-banks.ts';
import type { Payment } from '../payment/payment.ts';
import type { PaymentLink } from '../payment-link/payment-link.ts';
import type { NewDelivery } from './delivery.ts';
import { inquiryOrderingKey, transactionOrderingKey } from './ordering-key.ts';

/** What turning state changes into deliveries needs besides the rows themselves. */
export type EventContext = {
  /** PUBLIC_BASE_URL, without a trailing slash. */
  baseUrl: string;
  now: Date;
  /** A fresh `msg_…` id: the webhook-id of one delivery, the same on all its retries. */
  newMessageId: () => string;
  methodName: (code: string) => string;
};

type Subject = { payment: Payment; link: PaymentLink; account: Account };

/** SPEC §6: the link's callback_url, else the account's; none means no callback. */
export function callbackTarget(link: PaymentLink, account: Account): string | null {
  return link.callbackUrl ?? account.callbackUrl;
}

function webhook(
  subject: Subject,
  context: EventContext,
  event: string,
  target: string,
  body: unknown,
  orderingKey: string,
): NewDelivery {
  return {
    accountId: subject.account.id,
    linkId: subject.link.id,
    paymentId: subject.payment.id,
    channel: 'webhook',
    event,
    target,
    messageId: context.newMessageId(),
    payload: JSON.stringify(body),
    orderingKey,
  };
}

function transactionCallback(
  subject: Subject,
  context: EventContext,
  status: 'paid' | 'settled',
): NewDelivery[] {
  const target = callbackTarget(subject.link, subject.account);
  if (!target) return [];
  const { baseUrl, now } = context;
  const key = transactionOrderingKey(subject.payment.id);
  if (subject.link.dialect === 'v4') {
    const v4Status = status === 'paid' ? 'paid' : 'completed';
    const body = buildV4PaymentLinkBody({ link: subject.link, status: v4Status, baseUrl });
    return [webhook(subject, context, `payment_link.${v4Status}`, target, body, key)];
  }
  const body = buildV1TransactionBody({ ...subject, status, now, baseUrl });
  return [webhook(subject, context, `payment-link-transaction.${status}`, target, body, key)];
}

/** A payment was paid: the merchant's callback, and a receipt to a known customer email. */
export function paidDeliveries(subject: Subject, context: EventContext): NewDelivery[] {
  const deliveries = transactionCallback(subject, context, 'paid');
  const { payment, link, account } = subject;
  const email = payment.customer?.email ?? link.customer?.email ?? null;
  if (email) {
    const mail = composeReceiptMail({
      merchantName: merchantNameOf(link, account),
      title: link.title,
      amount: payment.amount,
      paidAt: payment.paidAt ?? context.now,
      methodName: context.methodName(payment.methodCode),
      paymentReffNo: payment.reffNo,
      customerName: payment.customer?.name ?? link.customer?.name ?? null,
      to: email,
      contact: merchantContactOf(account),
    });
    deliveries.push({
      ...mailDelivery(subject.account.id, link.id, payment.id, 'mail.receipt', context),
      target: email,
      payload: JSON.stringify(mail),
    });
  }
  return deliveries;
}

/** What the mail says to pay to (SPEC §7, §10), from the payment's method and instrument. */
function mailChannelOf(payment: Payment, methodName: string): PaymentMailChannel {
  const { instrument } = payment;
  if (instrument?.kind === 'store') {
    return {
      va: null,
      store: { storeName: storeName(instrument.store), code: payment.methodValue },
    };
  }
  if (instrument?.kind === 'ewallet') {
    return { va: null, wallet: { appName: walletAppName(payment.methodCode, methodName) } };
  }
  const bank = findVaBank(payment.methodCode);
  if (!bank) return { va: null };
  return {
    va: {
      bankName: bank.fullName,
      number: groupDigits(payment.methodValue),
      billerCode: instrument?.kind === 'bill' ? instrument.billerCode : null,
    },
  };
}

/**
 * SPEC §7: a payment started by a customer whose email is known gets the link mail again,
 * now with what to pay to: its VA number (a Mandiri bill's company code too), its store code,
 * or the page of its QR code or e-wallet button (the durable way back to it).
 */
export function paymentStartedDeliveries(subject: Subject, context: EventContext): NewDelivery[] {
  const { payment, link, account } = subject;
  const email = payment.customer?.email ?? link.customer?.email ?? null;
  if (!email) return [];
  const methodName = context.methodName(payment.methodCode);
  const mail = composePaymentMail({
    merchantName: merchantNameOf(link, account),
    title: link.title,
    amount: payment.amount,
    methodName,
    ...mailChannelOf(payment, methodName),
    expiresAt: payment.expiresAt,
    viewUrl: `${context.baseUrl}/b2b/${link.publicId}/payments/${payment.reffNo}`,
    customerName: payment.customer?.name ?? link.customer?.name ?? null,
    to: email,
    contact: merchantContactOf(account),
  });
  return [
    {
      ...mailDelivery(account.id, link.id, payment.id, 'mail.payment_started', context),
      target: email,
      payload: JSON.stringify(mail),
    },
  ];
}

/** A paid payment's money settled (v4: completed). */
export function settledDeliveries(subject: Subject, context: EventContext): NewDelivery[] {
  return transactionCallback(subject, context, 'settled');
}

/** SPEC §6: optional inquiry events, only to the account's inquiry URL. */
export function inquiryDeliveries(
  subject: Subject,
  context: EventContext,
  event: InquiryEvent,
): NewDelivery[] {
  const target = subject.account.inquiryCallbackUrl;
  if (!target) return [];
  const body = buildInquiryBody({
    event,
    payment: subject.payment,
    methodName: context.methodName(subject.payment.methodCode),
    now: context.now,
  });
  return [webhook(subject, context, event, target, body, inquiryOrderingKey(subject.payment.id))];
}

/** SPEC §3.2 and §4: a link created with a customer email is mailed to the customer. */
export function linkCreatedDeliveries(
  link: PaymentLink,
  account: Account,
  context: EventContext,
): NewDelivery[] {
  const email = link.customer?.email;
  if (!email) return [];
  const mail = composeLinkMail({
    merchantName: merchantNameOf(link, account),
    title: link.title,
    amount: link.totalAmount,
    expiresAt: link.expiredAt,
    payUrl: `${context.baseUrl}/b2b/${link.publicId}`,
    customerName: link.customer?.name ?? null,
    to: email,
    items: link.items,
    contact: merchantContactOf(account),
  });
  return [
    {
      ...mailDelivery(account.id, link.id, null, 'mail.payment_link', context),
      target: email,
      payload: JSON.stringify(mail),
    },
  ];
}

function mailDelivery(
  accountId: string,
  linkId: number,
  paymentId: number | null,
  event: string,
  context: EventContext,
) {
  return {
    accountId,
    linkId,
    paymentId,
    channel: 'email' as const,
    event,
    messageId: context.newMessageId(),
    // A mail to the customer is not part of the merchant's sequence: it never waits.
    orderingKey: null,
  };
}
