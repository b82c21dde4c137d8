import type { MailAction, MailSection } from './mail.ts';
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
// contrast of at least 4.5:1 (WCAG 2.2 SC 1.4.3).
const BODY = 'margin:0;padding:0;background:#f3f4f6;';
const WRAPPER =
  'max-width:560px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;' +
  'font-size:16px;line-height:1.5;color:#111827;';
const CARD = 'background:#ffffff;border-radius:8px;padding:24px;';
const MUTED = 'font-size:14px;color:#4b5563;';
const LABEL = 'text-align:left;font-weight:normal;color:#4b5563;padding:4px 16px 4px 0;';
const VALUE = 'padding:4px 0;font-weight:bold;';
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
    `<h1 style="font-size:20px;margin:0 0 16px;">${escapeHtml(section.heading)}</h1>`,
    `<p>${escapeHtml(section.greeting)}</p>`,
    `<p>${escapeHtml(section.intro)}</p>`,
    `<table style="border-collapse:collapse;margin:0 0 20px;">\n${rows.join('\n')}\n</table>`,
    ...(section.action === null ? [] : renderAction(section.action)),
    `<p style="${MUTED}">${escapeHtml(section.closing)}</p>`,
    '</div>',
  ].join('\n');
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
