/**
 * An address as a page may show it to whoever holds the link: enough for the customer to
 * recognise (`b***@example.com`), not enough to harvest. The domain stays whole.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
