import { describe, expect, it } from 'vitest';
import { createChangeFeed } from '../changes/change-feed.ts';
import { createReadThroughCache } from './read-through-cache.ts';

type Row = { id: number; title: string };

function setup() {
  const feed = createChangeFeed();
  const cache = createReadThroughCache(feed, { maxEntries: 100 });
  const table = new Map<number, Row>([[1, { id: 1, title: 'first' }]]);
  let reads = 0;
  const read = (id: number) =>
    cache.read(
      `row:${id}`,
      async () => {
        reads += 1;
        const row = table.get(id);
        return row ? { ...row } : null;
      },
      (row) => ({ linkId: row.id }),
    );
  return { feed, cache, table, read, reads: () => reads };
}

describe('read-through cache', () => {
  it('reads the database once, then answers from memory', async () => {
    const t = setup();
    expect(await t.read(1)).toEqual({ id: 1, title: 'first' });
    expect(await t.read(1)).toEqual({ id: 1, title: 'first' });
    expect(t.reads()).toBe(1);
  });

  it('reads again after a change of that link, and only that link', async () => {
    const t = setup();
    t.table.set(2, { id: 2, title: 'other' });
    await t.read(1);
    await t.read(2);
    t.table.set(1, { id: 1, title: 'changed' });
    t.feed.publish({ kind: 'link', linkId: 1 });
    expect((await t.read(1))?.title).toBe('changed');
    await t.read(2);
    expect(t.reads()).toBe(3);
  });

  it('does not keep a read that a change overtook', async () => {
    const t = setup();
    let release: () => void = () => {};
    const slow = t.cache.read(
      'row:1',
      async () => {
        const row = { ...(t.table.get(1) as Row) };
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return row;
      },
      (row) => ({ linkId: row.id }),
    );
    t.table.set(1, { id: 1, title: 'changed' });
    t.feed.publish({ kind: 'link', linkId: 1 });
    release();
    expect((await slow)?.title).toBe('first');
    expect((await t.read(1))?.title).toBe('changed');
  });

  it('shares one database read between concurrent misses', async () => {
    const t = setup();
    await Promise.all([t.read(1), t.read(1), t.read(1)]);
    expect(t.reads()).toBe(1);
  });

  it('does not cache a missing row, and steps aside while the feed is not coherent', async () => {
    const t = setup();
    expect(await t.read(5)).toBeNull();
    t.table.set(5, { id: 5, title: 'new' });
    expect((await t.read(5))?.title).toBe('new');
    t.feed.setCoherent(false);
    await t.read(5);
    await t.read(5);
    expect(t.reads()).toBe(4);
  });

  it('hands out frozen rows, so no caller can change what another one reads', async () => {
    const t = setup();
    await t.read(1);
    const row = (await t.read(1)) as Row;
    expect(() => {
      row.title = 'mutated';
    }).toThrow(TypeError);
  });
});
