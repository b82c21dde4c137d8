/** Mail composition (SPEC §3.2, §4): pure functions from domain data to `Mail`. */
export { composeLinkMail, type LinkMailInput } from './link-mail.ts';
export { composePaymentMail, type PaymentMailInput } from './payment-mail.ts';
export type { PaymentMailChannel } from './payment-mail-channel.ts';
export { composeReceiptMail, type ReceiptMailInput } from './receipt-mail.ts';
export { MAX_SUBJECT_LENGTH } from './header.ts';
export type { Mail } from './mail.ts';
