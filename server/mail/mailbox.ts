/** A mailbox (RFC 5322 §3.4): a display name, possibly empty, and an address. */
export type Mailbox = { name: string; address: string };

/**
 * Reads `Paylink <no-reply@pay.example>`, `"Paylink" <no-reply@pay.example>`,
 * `<no-reply@pay.example>` or a bare `no-reply@pay.example` (MAIL_FROM's forms).
 */
export function parseMailbox(text: string): Mailbox {
  const bracketed = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  if (bracketed) {
    const name = (bracketed[1] ?? '').replace(/^"(.*)"$/, '$1').trim();
    return { name, address: bracketed[2] ?? '' };
  }
  const bare = /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(text);
  if (bare) return { name: '', address: bare[1] ?? '' };
  throw new RangeError(`not a mailbox: ${JSON.stringify(text)}`);
}
