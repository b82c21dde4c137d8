import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecretKey } from './secret-key.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'paylink-secret-key-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('loadSecretKey', () => {
  it('generates DATA_DIR/secret.key (creating DATA_DIR) readable by the owner only', async () => {
    const dataDir = join(root, 'nested', 'data');
    const key = await loadSecretKey(undefined, dataDir);
    expect(key).toHaveLength(32);
    const file = join(dataDir, 'secret.key');
    expect((await readFile(file, 'utf8')).trim()).toBe(key.toString('hex'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('reuses the generated key on the next start', async () => {
    const first = await loadSecretKey(undefined, root);
    const written = await readFile(join(root, 'secret.key'), 'utf8');
    const second = await loadSecretKey(undefined, root);
    expect(second.equals(first)).toBe(true);
    expect(await readFile(join(root, 'secret.key'), 'utf8')).toBe(written);
  });

  it('generates a different key for another DATA_DIR', async () => {
    const a = await loadSecretKey(undefined, join(root, 'a'));
    const b = await loadSecretKey(undefined, join(root, 'b'));
    expect(a.equals(b)).toBe(false);
  });

  it('gives every concurrent starter the same key', async () => {
    const keys = await Promise.all(
      Array.from({ length: 20 }, () => loadSecretKey(undefined, root)),
    );
    const hex = new Set(keys.map((key) => key.toString('hex')));
    expect(hex.size).toBe(1);
    expect((await readFile(join(root, 'secret.key'), 'utf8')).trim()).toBe([...hex][0]);
  });

  it('reads a key file written by hand (uppercase hex, surrounding whitespace)', async () => {
    const hex = 'AB'.repeat(32);
    await writeFile(join(root, 'secret.key'), `  ${hex}\r\n`);
    expect((await loadSecretKey(undefined, root)).toString('hex')).toBe(hex.toLowerCase());
  });

  it('uses SECRET_KEY when set, over an existing file, and writes nothing', async () => {
    const hex = '0f'.repeat(32);
    expect((await loadSecretKey(hex, join(root, 'unused'))).toString('hex')).toBe(hex);
    expect(await exists(join(root, 'unused', 'secret.key'))).toBe(false);

    await loadSecretKey(undefined, root);
    expect((await loadSecretKey(hex, root)).toString('hex')).toBe(hex);
  });

  it('treats an empty SECRET_KEY as unset, as loadConfig does', async () => {
    const key = await loadSecretKey('', root);
    expect((await readFile(join(root, 'secret.key'), 'utf8')).trim()).toBe(key.toString('hex'));
  });

  it.each(['abc', '0f'.repeat(31), `${'0f'.repeat(32)}00`, 'zz'.repeat(32)])(
    'refuses a SECRET_KEY that is not 32 bytes of hex: %j',
    async (hex) => {
      await expect(loadSecretKey(hex, root)).rejects.toThrow(/SECRET_KEY/);
    },
  );

  it.each([
    ['empty', ''],
    ['too short', 'ab'.repeat(31)],
    ['too long', 'ab'.repeat(33)],
    ['not hex', 'zz'.repeat(32)],
    ['two keys', `${'ab'.repeat(32)}\n${'cd'.repeat(32)}`],
  ])('refuses a bad key file (%s) rather than replacing it', async (_name, content) => {
    const file = join(root, 'secret.key');
    await writeFile(file, content);
    await expect(loadSecretKey(undefined, root)).rejects.toThrow(/secret\.key/);
    expect(await readFile(file, 'utf8')).toBe(content);
  });
});
