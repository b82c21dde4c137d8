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

export function deriveKey(secretKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), `paylink:${purpose}`, 32));
}

export function createSecretBox(secretKey: Buffer): SecretBox {
  const key = deriveKey(secretKey, 'secret-box');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return `v1.${parts.join('.')}`;
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) {
        throw new Error('sealed secret has an unknown format');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
      return plain.toString('utf8');
    },
    fingerprint: deriveKey(secretKey, 'fingerprint').toString('hex').slice(0, 16),
  };
}
