import { describe, expect, it } from 'vitest';
import { toOutboxFileName } from './outbox-file-name.ts';

const AT = new Date('2026-11-21T06:59:40.123Z');

describe('toOutboxFileName', () => {
  it('starts with a sortable ISO 8601 UTC time and keeps the id readable', () => {
    expect(toOutboxFileName(AT, '<0f1e2d3c-aa-bb-cc-ddeeff@paylink.example>')).toBe(
      '20261121T065940.123Z-0f1e2d3c-aa-bb-cc-ddeeff_paylink.example.eml',
    );
  });

  it.each([
    ['<../../etc/passwd>', '20261121T065940.123Z-etc_passwd.eml'],
    ['..\\..\\windows\\win.ini', '20261121T065940.123Z-windows_win.ini.eml'],
    ['a/b\u0000c', '20261121T065940.123Z-a_b_c.eml'],
    ['<>', '20261121T065940.123Z-mail.eml'],
    ['...', '20261121T065940.123Z-mail.eml'],
  ])('%j cannot leave the outbox: %s', (messageId, name) => {
    expect(toOutboxFileName(AT, messageId)).toBe(name);
  });

  it('keeps the name short whatever the id', () => {
    expect(toOutboxFileName(AT, 'x'.repeat(5_000)).length).toBeLessThanOrEqual(120);
  });
});
