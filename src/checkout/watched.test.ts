import { describe, expect, it } from 'vitest';
import { isWatched, unwatchedHref, watchedHref, watchedPath } from './watched.ts';

describe('the watched-reload marker', () => {
  it('is live=1 and nothing else', () => {
    expect(isWatched(new URLSearchParams('live=1'))).toBe(true);
    expect(isWatched(new URLSearchParams('live=0'))).toBe(false);
    expect(isWatched(new URLSearchParams('lang=en'))).toBe(false);
  });

  it('is added to and taken from an address, its other parameters kept', () => {
    expect(watchedPath('/b2b/PL1')).toBe('/b2b/PL1?live=1');
    const href = 'https://pay.example/b2b/PL1/payments/PY1?lang=en#top';
    expect(watchedHref(href)).toBe('https://pay.example/b2b/PL1/payments/PY1?lang=en&live=1');
    expect(unwatchedHref(watchedHref(href))).toBe(
      'https://pay.example/b2b/PL1/payments/PY1?lang=en',
    );
  });
});
