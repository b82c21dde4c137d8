import { mkdir, writeFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

const BLOCK = 512;

/**
 * Writes the regular files and directories of a ustar stream under `dir`, reading it as it
 * arrives (a PGlite data directory is ~40 MB unpacked: never held whole in memory). Other entry
 * kinds, and names that would escape `dir`, are refused: the only input is the build's own
 * PGlite template.
 */
export async function extractTar(source: AsyncIterable<Buffer>, dir: string): Promise<void> {
  const read = createReader(source[Symbol.asyncIterator]());
  for (;;) {
    const header = await read(BLOCK);
    if (!header || header.every((byte) => byte === 0)) return;
    const name = field(header, 345, 155)
      ? `${field(header, 345, 155)}/${field(header, 0, 100)}`
      : field(header, 0, 100);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const target = safeJoin(dir, name);
    const data = size > 0 ? await read(Math.ceil(size / BLOCK) * BLOCK) : Buffer.alloc(0);
    if (size > 0 && !data) throw new Error(`tar: ${name} is truncated`);
    if (type === '5') {
      await mkdir(target, { recursive: true });
    } else if (type === '0' || type === '\0') {
      await writeFile(target, data!.subarray(0, size));
    } else {
      throw new Error(`tar: entry type "${type}" of ${name} is not supported`);
    }
  }
}

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function safeJoin(dir: string, name: string): string {
  const relative = normalize(name.replace(/^\/+/, ''));
  if (relative === '.' || relative.startsWith(`..${sep}`) || relative === '..') {
    throw new Error(`tar: refusing entry ${JSON.stringify(name)}`);
  }
  return join(dir, relative);
}

/** `read(n)` resolves the next n bytes, or null at a clean end of the stream. */
function createReader(source: AsyncIterator<Buffer>) {
  let pending: Buffer[] = [];
  let length = 0;
  return async (n: number): Promise<Buffer | null> => {
    while (length < n) {
      const next = await source.next();
      if (next.done) {
        if (length === 0) return null;
        throw new Error('tar: stream ends inside an entry');
      }
      pending.push(next.value);
      length += next.value.length;
    }
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, length);
    pending = [all.subarray(n)];
    length -= n;
    return all.subarray(0, n);
  };
}
