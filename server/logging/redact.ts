/**
 * What a log line must never carry (SPEC §9 "Logs"), by the shape Paylink gives it. Call sites
 * log numeric ids and codes only; this is the net under them, for text that comes from
 * elsewhere (a library's error message, a driver's failed query).
 */
const REDACTIONS: readonly (readonly [RegExp, string])[] = [
  // Drizzle's "Failed query: … params: <every bound value>": sealed secrets, hashes, ids.
  [/\bparams: [^\n]*/g, 'params: [redacted]'],
  // A link's public id is the capability to pay it (SPEC §1); v4 shows its tail.
  [/\bPL\d{14}[0-9a-f]{32}\b/g, '[public-id]'],
  [/\bpaymentlink_[0-9a-f]{32}\b/g, '[public-id]'],
  // With the sandbox on, a payment's reference leads to its link's page.
  [/\bPY[0-9A-HJKMNP-TV-Z]{18}\b/g, '[payment-ref]'],
  // Merchant credentials (server/domain/account/create-account.ts) and sealed secrets.
  [/\bpk_[0-9a-f]{32}\b/g, '[secret]'],
  [/\bcs_[0-9a-f]{64}\b/g, '[secret]'],
  [/\bwhsec_[A-Za-z0-9+/]+=*/g, '[secret]'],
  [/\bv1\.[\w-]{16}\.[\w-]{22}\.[\w-]+/g, '[secret]'],
  // Access tokens (JWT) and any hash or key written as long hex.
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]+/g, '[secret]'],
  [/\b[0-9a-fA-F]{32,}\b/g, '[hash]'],
];

/** `text` with every secret, hash, public id and address in it replaced by a placeholder. */
export function redact(text: string): string {
  let result = text;
  for (const [pattern, placeholder] of REDACTIONS) result = result.replace(pattern, placeholder);
  return result;
}

/**
 * `text` with every mail address masked, for a mail server's refusal ("<budi@…>: Recipient
 * address rejected"). Not applied to every line: Message-IDs have the same shape.
 */
export function maskAddresses(text: string): string {
  return text.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]');
}
