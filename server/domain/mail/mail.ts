import { composeSubject, toSingleLine } from './header.ts';
import { renderHtml } from './render-html.ts';
import { renderText } from './render-text.ts';
import type { MailLanguage } from './wib-label.ts';

/**
 * A composed mail: plain data that server/mail turns into RFC 5322 and sends. It goes out
 * from Paylink's own address (MAIL_FROM) under the merchant's name, and replies go to the
 * merchant (docs/decisions/021).
 */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The From display name: the merchant's. */
  fromName: string;
  /** The merchant's address for replies (support email, else account email), or null. */
  replyTo: string | null;
};

/** A button in the mail; the URL is also written out for clients that do not show buttons. */
export type MailAction = { label: string; url: string; fallback: string };

/** The order's lines: what (`Kopi susu`), how many at what (`2 × Rp 18.000`), and the sum. */
export type MailItems = {
  heading: string;
  rows: ReadonlyArray<{ name: string; detail: string; amount: string }>;
};

/** How the customer reaches the merchant; at least one of email and phone. */
export type MailContact = {
  heading: string;
  email: { label: string; address: string } | null;
  phone: { label: string; number: string } | null;
};

/** One language's half of a mail. Every string is plain text; the renderers escape it. */
export type MailSection = {
  language: MailLanguage;
  heading: string;
  greeting: string;
  intro: string;
  details: ReadonlyArray<readonly [label: string, value: string]>;
  items?: MailItems | null;
  action: MailAction | null;
  contact?: MailContact | null;
  closing: string;
};

/** Puts the sections (Indonesian, then English) into one mail with safe one-line headers. */
export function composeMail(input: {
  to: string;
  subject: { title: string; build: (title: string) => string };
  sections: readonly MailSection[];
  sender: { name: string; replyTo: string | null };
}): Mail {
  const subject = composeSubject(input.subject.title, input.subject.build);
  return {
    to: toSingleLine(input.to),
    subject,
    text: renderText(input.sections),
    html: renderHtml(subject, input.sections),
    fromName: toSingleLine(input.sender.name),
    replyTo: input.sender.replyTo === null ? null : toSingleLine(input.sender.replyTo),
  };
}

/** `Halo Budi,` / `Hello Budi,`, or without a name when the customer gave none. */
export function greet(word: string, customerName: string | null): string {
  const name = customerName === null ? '' : toSingleLine(customerName);
  return name === '' ? `${word},` : `${word} ${name},`;
}

/**
 * Our own pay URL, normalised. Anything but http(s) here is a bug upstream, and a
 * `javascript:` URL must never reach an href.
 */
export function toWebUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RangeError(`Not a web URL: ${parsed.protocol}`);
  }
  return parsed.href;
}
