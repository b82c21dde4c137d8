import { describe, expect, it } from 'vitest';
import { langCookie } from './page-lang.ts';
import { langFromAcceptLanguage, parseLang, resolveLang } from './resolve-lang.ts';

describe('resolveLang', () => {
  const none = { query: null, cookie: undefined, acceptLanguage: null };

  it('defaults to Indonesian', () => {
    expect(resolveLang(none)).toEqual({ lang: 'id', isFromQuery: false });
  });

  it('takes ?lang= first, and says it came from the query', () => {
    expect(resolveLang({ query: 'en', cookie: 'id', acceptLanguage: 'id-ID' })).toEqual({
      lang: 'en',
      isFromQuery: true,
    });
  });

  it('ignores an unknown ?lang= and falls back to the cookie', () => {
    expect(resolveLang({ ...none, query: 'fr', cookie: 'en' })).toEqual({
      lang: 'en',
      isFromQuery: false,
    });
  });

  it('prefers the cookie over Accept-Language', () => {
    expect(resolveLang({ ...none, cookie: 'id', acceptLanguage: 'en-US' }).lang).toBe('id');
  });

  it('uses Accept-Language when there is no cookie', () => {
    expect(resolveLang({ ...none, acceptLanguage: 'en-GB,en;q=0.9' }).lang).toBe('en');
  });
});

describe('langFromAcceptLanguage', () => {
  it.each([
    ['en-US,en;q=0.9,id;q=0.8', 'en'],
    ['id-ID,id;q=0.9,en-US;q=0.8', 'id'],
    ['id;q=0.5,en;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    ['EN', 'en'],
    ['en;q=0,id', 'id'],
    ['fr, de', null],
    ['english', null],
    ['', null],
  ])('%j → %s', (header, lang) => {
    expect(langFromAcceptLanguage(header)).toBe(lang);
  });
});

describe('parseLang', () => {
  it.each([
    ['id', 'id'],
    ['EN', 'en'],
    [' en ', 'en'],
    ['en-US', null],
    [null, null],
  ])('%j → %s', (value, lang) => {
    expect(parseLang(value)).toBe(lang);
  });
});

describe('langCookie', () => {
  it('remembers the choice site-wide for a year, same-site only', () => {
    expect(langCookie('en', { secure: false })).toBe(
      'lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly',
    );
  });

  it('is Secure when the site is https (SPEC §9)', () => {
    expect(langCookie('id', { secure: true })).toBe(
      'lang=id; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly; Secure',
    );
  });
});
