import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractTar } from './extract-tar.ts';

/** One ustar entry: a 512-byte header, then the data padded to 512 bytes. */
function entry(name: string, type: '0' | '5' | '2', data = ''): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write(`${Buffer.byteLength(data).toString(8).padStart(11, '0')}\0`, 124);
  header.write(type, 156);
  header.write('ustar\0', 257);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(data) / 512) * 512);
  body.write(data);
  return Buffer.concat([header, body]);
}

/** Delivers the archive in small uneven chunks, as a gunzip stream does. */
async function* chunks(archive: Buffer) {
  for (let at = 0; at < archive.length; at += 300) yield archive.subarray(at, at + 300);
}

const end = Buffer.alloc(1024);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylink-tar-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extractTar', () => {
  it('writes directories and files, absolute names taken as relative to the target', async () => {
    const archive = Buffer.concat([
      entry('/PG_VERSION', '0', '18\n'),
      entry('/base', '5'),
      entry('/base/1', '5'),
      entry('/base/1/112', '0', 'x'.repeat(1300)),
      end,
    ]);
    await extractTar(chunks(archive), dir);
    expect(await readFile(join(dir, 'PG_VERSION'), 'utf8')).toBe('18\n');
    expect(await readFile(join(dir, 'base/1/112'), 'utf8')).toBe('x'.repeat(1300));
    expect((await readdir(dir)).sort()).toEqual(['PG_VERSION', 'base']);
  });

  it('refuses a name that leaves the target directory', async () => {
    const archive = Buffer.concat([entry('../escaped', '0', 'no'), end]);
    await expect(extractTar(chunks(archive), dir)).rejects.toThrow(/refusing entry/);
  });

  it('refuses links and a stream that ends inside a file', async () => {
    await expect(extractTar(chunks(Buffer.concat([entry('a', '2'), end])), dir)).rejects.toThrow(
      /not supported/,
    );
    const cut = entry('b', '0', 'y'.repeat(2000)).subarray(0, 1000);
    await expect(extractTar(chunks(cut), dir)).rejects.toThrow(/ends inside an entry/);
  });
});
