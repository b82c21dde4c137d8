import { describe, expect, it } from 'vitest';
import { createLru } from './lru.ts';

describe('bounded LRU', () => {
  it('drops the least recently used entry past its count', () => {
    const lru = createLru<string, number>({ maxEntries: 2 });
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });

  it('reading the newest entry again keeps the order; reading an older one moves it last', () => {
    const lru = createLru<string, number>({ maxEntries: 2 });
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('b');
    lru.get('b');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b')]).toEqual([undefined, 2]);
    lru.get('c');
    lru.get('b');
    lru.set('d', 4);
    expect([lru.get('c'), lru.get('b'), lru.get('d')]).toEqual([undefined, 2, 4]);
  });

  it('forgets which entry was newest once it is deleted or cleared', () => {
    const lru = createLru<string, number>({ maxEntries: 2 });
    lru.set('a', 1);
    lru.set('b', 2);
    lru.delete('b');
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
    lru.clear();
    lru.set('x', 1);
    lru.set('y', 2);
    lru.get('x');
    lru.set('z', 3);
    expect([lru.get('x'), lru.get('y'), lru.get('z')]).toEqual([1, undefined, 3]);
  });

  it('keeps its bytes under the limit and refuses an entry larger than all of it', () => {
    const lru = createLru<string, string>({
      maxEntries: 100,
      maxBytes: 10,
      sizeOf: (v) => v.length,
    });
    lru.set('a', '12345');
    lru.set('b', '12345');
    lru.set('c', '123');
    expect(lru.bytes()).toBeLessThanOrEqual(10);
    expect(lru.get('a')).toBeUndefined();
    lru.set('huge', '12345678901');
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.size()).toBe(2);
  });

  it('deletes by predicate and counts bytes back down', () => {
    const lru = createLru<string, string>({
      maxEntries: 10,
      maxBytes: 100,
      sizeOf: (v) => v.length,
    });
    lru.set('a', 'xx');
    lru.set('b', 'yyy');
    lru.deleteWhere((value) => value.startsWith('x'));
    expect(lru.size()).toBe(1);
    expect(lru.bytes()).toBe(3);
  });
});
