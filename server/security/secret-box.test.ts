import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, deriveKey } from './secret-box.ts';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);

/** Rebuilds a sealed value after changing one of its four parts. */
function withPart(sealed: string, index: number, change: (part: Buffer) => Buffer): string {
  const parts = sealed.split('.');
  parts[index] = change(Buffer.from(parts[index] ?? '', 'base64url')).toString('base64url');
  return parts.join('.');
}

function flipFirstBit(part: Buffer): Buffer {
  const copy = Buffer.from(part);
  copy[0] = (copy[0] ?? 0) ^ 1;
  return copy;
}

describe('createSecretBox', () => {
  it.each([
    ['a client secret', `cs_${'ab'.repeat(32)}`],
    ['a webhook secret', `whsec_${randomBytes(32).toString('base64')}`],
    ['an empty string', ''],
    ['non-ASCII text', 'rahasia—秘密—🔑'],
  ])('opens what it sealed: %s', (_name, secret) => {
    const box = createSecretBox(KEY);
    expect(box.open(box.seal(secret))).toBe(secret);
  });

  it('seals as v1.<iv>.<tag>.<ciphertext>, without the secret in it', () => {
    const secret = 'cs_plain-text-secret';
    const sealed = createSecretBox(KEY).seal(secret);
    const [version, iv, tag, body] = sealed.split('.');
    expect(version).toBe('v1');
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(body ?? '', 'base64url')).toHaveLength(Buffer.byteLength(secret));
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(Buffer.from(secret).toString('base64url'));
  });

  it('uses a fresh IV for every seal, so equal secrets do not look equal', () => {
    const box = createSecretBox(KEY);
    const first = box.seal('same');
    const second = box.seal('same');
    expect(first).not.toBe(second);
    expect(first.split('.')[1]).not.toBe(second.split('.')[1]);
  });

  it('refuses a tampered ciphertext', () => {
    const box = createSecretBox(KEY);
    const sealed = box.seal('secret value');
    expect(() => box.open(withPart(sealed, 3, flipFirstBit))).toThrow();
  });

  it('refuses a tampered tag', () => {
    const box = createSecretBox(KEY);
    const sealed = box.seal('secret value');
    expect(() => box.open(withPart(sealed, 2, flipFirstBit))).toThrow();
  });

  it('refuses a truncated tag (GCM would otherwise check only its first bytes)', () => {
    const box = createSecretBox(KEY);
    const sealed = box.seal('secret value');
    for (const length of [4, 8, 12, 15]) {
      expect(() => box.open(withPart(sealed, 2, (tag) => tag.subarray(0, length)))).toThrow();
    }
  });

  it('refuses a tampered or resized IV', () => {
    const box = createSecretBox(KEY);
    const sealed = box.seal('secret value');
    expect(() => box.open(withPart(sealed, 1, flipFirstBit))).toThrow();
    expect(() =>
      box.open(withPart(sealed, 1, (iv) => Buffer.concat([iv, Buffer.alloc(4)]))),
    ).toThrow();
  });

  it.each([
    ['another version', (sealed: string) => sealed.replace(/^v1\./, 'v2.')],
    ['a missing part', (sealed: string) => sealed.split('.').slice(0, 3).join('.')],
    ['an extra part', (sealed: string) => `${sealed}.AAAA`],
    ['plain text', () => 'cs_not-sealed-at-all'],
  ])('refuses %s', (_name, mangle) => {
    const box = createSecretBox(KEY);
    expect(() => box.open(mangle(box.seal('secret value')))).toThrow();
  });

  it('cannot be opened under another key', () => {
    const sealed = createSecretBox(KEY).seal('secret value');
    expect(() => createSecretBox(OTHER_KEY).open(sealed)).toThrow();
  });

  it('opens under another box built from the same key (another process)', () => {
    const sealed = createSecretBox(KEY).seal('secret value');
    expect(createSecretBox(Buffer.from(KEY)).open(sealed)).toBe('secret value');
  });
});

describe('SecretBox.fingerprint', () => {
  it('is stable for one key', () => {
    expect(createSecretBox(KEY).fingerprint).toBe(createSecretBox(Buffer.from(KEY)).fingerprint);
    expect(createSecretBox(KEY).fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs across keys', () => {
    const prints = new Set(
      Array.from({ length: 20 }, () => createSecretBox(randomBytes(32)).fingerprint),
    );
    expect(prints.size).toBe(20);
    expect(createSecretBox(KEY).fingerprint).not.toBe(createSecretBox(OTHER_KEY).fingerprint);
  });

  it('does not reveal the key or the sealing key', () => {
    const print = createSecretBox(KEY).fingerprint;
    expect(KEY.toString('hex')).not.toContain(print);
    expect(deriveKey(KEY, 'secret-box').toString('hex')).not.toContain(print);
  });
});

describe('deriveKey', () => {
  it('derives 32 bytes per purpose, different for each purpose and each key', () => {
    const a = deriveKey(KEY, 'secret-box');
    expect(a).toHaveLength(32);
    expect(deriveKey(KEY, 'secret-box').equals(a)).toBe(true);
    expect(deriveKey(KEY, 'access-token').equals(a)).toBe(false);
    expect(deriveKey(OTHER_KEY, 'secret-box').equals(a)).toBe(false);
  });
});
