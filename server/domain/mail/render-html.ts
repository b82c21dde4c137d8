import type { MailAction, MailContact, MailItems, MailSection } from './mail.ts';
import { ENGLISH_BELOW } from './render-text.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe inside element content and inside double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

// Mail clients drop <style> blocks and external CSS, so every style is inline. Colours keep a
// contrast of at least 4.5:1 (WCAG 2.2 SC 1.4.3). Phones first: nothing is wider than the
// screen at 320 px, tables take the card's width, and long values (references, addresses,
// URLs) break anywhere rather than push the card wider.
const BODY = 'margin:0;padding:0;background:#f3f4f6;';
const WRAPPER =
  'max-width:560px;margin:0 auto;padding:16px 12px;font-family:Arial,Helvetica,sans-serif;' +
  'font-size:16px;line-height:1.5;color:#111827;';
const CARD = 'background:#ffffff;border-radius:8px;padding:20px 16px;';
const MUTED = 'font-size:14px;color:#4b5563;';
const WRAP = 'overflow-wrap:anywhere;word-break:break-word;';
const TABLE = 'width:100%;border-collapse:collapse;margin:0 0 20px;';
const LABEL =
  'text-align:left;vertical-align:top;font-weight:normal;color:#4b5563;padding:4px 12px 4px 0;';
const VALUE = `vertical-align:top;padding:4px 0;font-weight:bold;${WRAP}`;
const ITEM = `vertical-align:top;padding:6px 12px 6px 0;border-top:1px solid #e5e7eb;${WRAP}`;
const ITEM_AMOUNT =
  'vertical-align:top;padding:6px 0;border-top:1px solid #e5e7eb;text-align:right;' +
  'white-space:nowrap;';
const BUTTON =
  'display:inline-block;background:#0b57d0;color:#ffffff;text-decoration:none;' +
  'font-weight:bold;padding:12px 24px;border-radius:6px;';
const LINK = 'color:#0b57d0;word-break:break-all;';
const RULE = 'border:0;border-top:1px solid #9ca3af;margin:24px 0;';

/** The text/html part: a complete document, one card per language, Indonesian first. */
export function renderHtml(subject: string, sections: readonly MailSection[]): string {
  const cards = sections.map(renderSection).join(`\n<hr style="${RULE}">\n`);
  return [
    '<!doctype html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    `<body style="${BODY}">`,
    `<div style="${WRAPPER}">`,
    `<p lang="en" style="${MUTED}margin:0 0 16px;">${ENGLISH_BELOW}</p>`,
    cards,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderSection(section: MailSection): string {
  const rows = section.details.map(
    ([label, value]) =>
      `<tr><th scope="row" style="${LABEL}">${escapeHtml(label)}</th>` +
      `<td style="${VALUE}">${escapeHtml(value)}</td></tr>`,
  );
  return [
    `<div lang="${section.language}" style="${CARD}">`,
    `<h1 style="font-size:20px;margin:0 0 16px;${WRAP}">${escapeHtml(section.heading)}</h1>`,
    `<p style="${WRAP}">${escapeHtml(section.greeting)}</p>`,
    `<p style="${WRAP}">${escapeHtml(section.intro)}</p>`,
    `<table style="${TABLE}">\n${rows.join('\n')}\n</table>`,
    ...(section.items ? renderItems(section.items) : []),
    ...(section.action === null ? [] : renderAction(section.action)),
    ...(section.contact ? [renderContact(section.contact)] : []),
    `<p style="${MUTED}">${escapeHtml(section.closing)}</p>`,
    '</div>',
  ].join('\n');
}

/** The order's lines: name and `2 × Rp 18.000` on the left, the sum on the right. */
function renderItems(items: MailItems): string[] {
  const rows = items.rows.map(
    (row) =>
      `<tr><td style="${ITEM}">${escapeHtml(row.name)}<br>` +
      `<span style="${MUTED}">${escapeHtml(row.detail)}</span></td>` +
      `<td style="${ITEM_AMOUNT}">${escapeHtml(row.amount)}</td></tr>`,
  );
  return [
    `<h2 style="font-size:16px;margin:0 0 8px;">${escapeHtml(items.heading)}</h2>`,
    `<table style="${TABLE}">\n${rows.join('\n')}\n</table>`,
  ];
}

/** The merchant's email and phone, as links a phone opens in its mail and call apps. */
function renderContact(contact: MailContact): string {
  const lines = [escapeHtml(contact.heading)];
  if (contact.email) {
    const address = escapeHtml(contact.email.address);
    lines.push(
      `${escapeHtml(contact.email.label)}: <a href="mailto:${address}" style="${LINK}">${address}</a>`,
    );
  }
  if (contact.phone) {
    const dial = contact.phone.number.replace(/[^+0-9]/g, '');
    lines.push(
      `${escapeHtml(contact.phone.label)}: <a href="tel:${dial}" style="${LINK}">` +
        `${escapeHtml(contact.phone.number)}</a>`,
    );
  }
  return `<p style="${MUTED}${WRAP}">${lines.join('<br>')}</p>`;
}

/** A real link styled as a button, then the same URL as visible text. */
function renderAction(action: MailAction): string[] {
  const href = escapeHtml(action.url);
  return [
    `<p style="margin:0 0 20px;"><a href="${href}" style="${BUTTON}">${escapeHtml(action.label)}</a></p>`,
    `<p style="${MUTED}">${escapeHtml(action.fallback)}<br>` +
      `<a href="${href}" style="${LINK}">${href}</a></p>`,
  ];
}
