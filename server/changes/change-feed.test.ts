import { describe, expect, it } from 'vitest';
import { createChangeFeed } from './change-feed.ts';
import { parseChangePayload } from './change-payload.ts';

describe('change feed', () => {
  it('tells a reader whether its link changed after it started reading', () => {
    const feed = createChangeFeed();
    const before = feed.sequence();
    feed.publish({ kind: 'link', linkId: 7 });
    expect(feed.isChangedSince(7, before)).toBe(true);
    expect(feed.isChangedSince(8, before)).toBe(false);
    expect(feed.isChangedSince(7, feed.sequence())).toBe(false);
  });

  it('counts everything as changed after "all" or an account change', () => {
    const feed = createChangeFeed();
    const before = feed.sequence();
    feed.publish({ kind: 'account', accountId: 'acc' });
    expect(feed.isChangedSince(1, before)).toBe(true);
    const later = feed.sequence();
    feed.publish('all');
    expect(feed.isChangedSince(99, later)).toBe(true);
  });

  it('hands every change to its listeners until they leave', () => {
    const feed = createChangeFeed();
    const heard: unknown[] = [];
    const leave = feed.subscribe((change) => heard.push(change));
    feed.publish({ kind: 'link', linkId: 1 });
    leave();
    feed.publish({ kind: 'link', linkId: 2 });
    expect(heard).toEqual([{ kind: 'link', linkId: 1 }]);
  });

  it('announces "all" when it becomes coherent again, so caches start afresh', () => {
    const feed = createChangeFeed();
    const heard: unknown[] = [];
    feed.subscribe((change) => heard.push(change));
    feed.setCoherent(false);
    expect(feed.isCoherent()).toBe(false);
    feed.setCoherent(true);
    expect(heard).toEqual(['all', 'all']);
  });
});

describe('change payloads', () => {
  it.each([
    ['l:42', { kind: 'link', linkId: 42 }],
    ['a:01K7P073Q8RE2A9PQT8Q7MXPN4', { kind: 'account', accountId: '01K7P073Q8RE2A9PQT8Q7MXPN4' }],
    ['l:', null],
    ['x:1', null],
    ['l:1 2', null],
  ])('%s', (payload, change) => {
    expect(parseChangePayload(payload)).toEqual(change);
  });
});
