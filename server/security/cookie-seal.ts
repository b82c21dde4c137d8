import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey } from './secret-box.ts';

/**
 * Opaque cookie values only this server can make or read (docs/decisions/023): AES-256-GCM
 * under a key derived from SECRET_KEY, bound to a `context` (the cookie's purpose and link)
 * as additional data, so a value made for one link or purpose opens nowhere else.
 */
export type CookieSeal = {
  seal: (context: string, plaintext: string) => string;
  /** The plaintext, or null for anything this server did not seal for this context. */
  open: (context: string, sealed: string) => string | null;
};

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createCookieSeal(secretKey: Buffer): CookieSeal {
  const key = deriveKey(secretKey, 'checkout-cookie');
  return {
    seal(context, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(context, sealed) {
      // Compare the text, not what a lenient decoder makes of it: one value, one plaintext.
      if (!/^[A-Za-z0-9_-]+$/.test(sealed)) return null;
      const bytes = Buffer.from(sealed, 'base64url');
      if (bytes.length < IV_BYTES + TAG_BYTES || bytes.toString('base64url') !== sealed)
        return null;
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        const plain = Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
