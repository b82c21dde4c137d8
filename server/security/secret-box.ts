import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals merchant secrets that the server itself must use as HMAC keys (client_secret,
 * webhook secret), so they cannot be stored hashed (SPEC §9). AES-256-GCM under a key
 * derived from SECRET_KEY; the format is `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
export type SecretBox = {
  seal: (plaintext: string) => string;
  open: (sealed: string) => string;
  /** A value that identifies the key without revealing it: detects a changed SECRET_KEY. */
  fingerprint: string;
};

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function deriveKey(secretKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), `paylink:${purpose}`, 32));
}

export function createSecretBox(secretKey: Buffer): SecretBox {
  const key = deriveKey(secretKey, 'secret-box');
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return `v1.${parts.join('.')}`;
    },
    open(sealed) {
      const parts = sealed.split('.');
      const [version, ivText, tagText, body] = parts;
      const iv = Buffer.from(ivText ?? '', 'base64url');
      const tag = Buffer.from(tagText ?? '', 'base64url');
      // A shorter tag would be accepted by GCM and checked only on its first bytes.
      if (
        parts.length !== 4 ||
        version !== 'v1' ||
        iv.length !== IV_BYTES ||
        tag.length !== TAG_BYTES
      ) {
        throw new Error('sealed secret has an unknown format');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([
        decipher.update(Buffer.from(body ?? '', 'base64url')),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    },
    fingerprint: deriveKey(secretKey, 'fingerprint').toString('hex').slice(0, 16),
  };
}
