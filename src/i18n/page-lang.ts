import type { AstroCookies } from 'astro';
import type { Lang } from './messages.ts';
import { resolveLang } from './resolve-lang.ts';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The `Set-Cookie` value that remembers an explicit language choice for a year; `Secure`
 * whenever the site is https (SPEC §9), so it never travels over plain http.
 */
export function langCookie(lang: Lang, options: { secure: boolean }): string {
  const cookie = `lang=${lang}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly`;
  return options.secure ? `${cookie}; Secure` : cookie;
}

type PageContext = {
  url: URL;
  request: Request;
  cookies: AstroCookies;
  response: { headers: Headers };
  locals: Pick<App.Locals, 'isHttps'>;
};

/**
 * The language of the page being rendered; an explicit `?lang=` is remembered in the `lang`
 * cookie, so later pages (and form posts) keep it. The header is written directly: the
 * server hands Astro's response on as plain headers, where `Astro.cookies.set` would be lost.
 */
export function pageLang(page: PageContext): Lang {
  const { lang, isFromQuery } = resolveLang({
    query: page.url.searchParams.get('lang'),
    cookie: page.cookies.get('lang')?.value,
    acceptLanguage: page.request.headers.get('accept-language'),
  });
  if (isFromQuery) {
    page.response.headers.append('set-cookie', langCookie(lang, { secure: page.locals.isHttps }));
  }
  return lang;
}
