import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const KEY_HEX = /^[0-9a-f]{64}$/i;

/**
 * The server key: SECRET_KEY when set, else `DATA_DIR/secret.key`, generated on first start
 * (SPEC §9). Several processes sharing one PostgreSQL must share SECRET_KEY.
 */
export async function loadSecretKey(
  secretKeyHex: string | undefined,
  dataDir: string,
): Promise<Buffer> {
  if (secretKeyHex) {
    // Buffer.from(…, 'hex') silently stops at the first bad character: a typo would shorten the key.
    if (!KEY_HEX.test(secretKeyHex)) {
      throw new Error('SECRET_KEY must be 64 hexadecimal characters (32 bytes)');
    }
    return Buffer.from(secretKeyHex, 'hex');
  }
  const file = join(dataDir, 'secret.key');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (!KEY_HEX.test(stored)) throw new Error(`${file} does not hold 64 hexadecimal characters`);
    return Buffer.from(stored, 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  // 'wx' fails if another process wrote it first: then read theirs.
  try {
    await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return loadSecretKey(undefined, dataDir);
  }
}
