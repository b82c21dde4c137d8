/** Characters that may come from a Message-ID into a file name; nothing that names a folder. */
const UNSAFE = /[^A-Za-z0-9._-]+/g;
const MAX_ID_LENGTH = 80;

/**
 * `20261121T065940.123Z-0f1e2d3c-…@paylink.example.eml`, less the `@`: an ISO 8601 (basic
 * format) UTC time, so the outbox sorts by time and the name works on every file system,
 * then the Message-ID reduced to `[A-Za-z0-9._-]`. A caller-chosen id holding `/`, `..` or
 * NUL cannot steer the file out of the outbox.
 */
export function toOutboxFileName(at: Date, messageId: string): string {
  const stamp = at.toISOString().replace(/[-:]/g, '');
  const id = messageId.replace(UNSAFE, '_').replace(/^[._-]+|[._-]+$/g, '');
  return `${stamp}-${id.slice(0, MAX_ID_LENGTH) || 'mail'}.eml`;
}
