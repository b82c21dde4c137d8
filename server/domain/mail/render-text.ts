import type { MailContact, MailItems, MailSection } from './mail.ts';

/** Between the Indonesian and the English half, in both renderings. */
export const LANGUAGE_SEPARATOR = '-'.repeat(40);
export const ENGLISH_BELOW = 'English version below.';

/** The text/plain part: each field on its own line, the URL written out in full. */
export function renderText(sections: readonly MailSection[]): string {
  const body = sections.map(renderSection).join(`\n\n${LANGUAGE_SEPARATOR}\n\n`);
  return `${ENGLISH_BELOW}\n\n${body}\n`;
}

function renderSection(section: MailSection): string {
  const blocks = [
    section.heading,
    section.greeting,
    section.intro,
    section.details.map(([label, value]) => `${label}: ${value}`).join('\n'),
  ];
  if (section.items) blocks.push(renderItems(section.items));
  if (section.action !== null) {
    blocks.push(`${section.action.label}:\n${section.action.url}`);
  }
  if (section.contact) blocks.push(renderContact(section.contact));
  blocks.push(section.closing);
  return blocks.join('\n\n');
}

function renderItems(items: MailItems): string {
  const rows = items.rows.map((row) => `- ${row.name} (${row.detail}): ${row.amount}`);
  return [`${items.heading}:`, ...rows].join('\n');
}

function renderContact(contact: MailContact): string {
  return [
    contact.heading,
    ...(contact.email ? [`${contact.email.label}: ${contact.email.address}`] : []),
    ...(contact.phone ? [`${contact.phone.label}: ${contact.phone.number}`] : []),
  ].join('\n');
}
