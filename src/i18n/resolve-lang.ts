import { LANGS, type Lang } from './messages.ts';

/** `"en"`, `"EN"` → `"en"`; anything that is not a page language → null. */
export function parseLang(value: string | null | undefined): Lang | null {
  const lower = value?.trim().toLowerCase();
  return LANGS.find((lang) => lang === lower) ?? null;
}

/**
 * The preferred page language of an `Accept-Language` header (RFC 9110 §12.5.4): the
 * highest-weighted tag that is English or Indonesian wins; `en*` → en, `id*` → id.
 * Null when neither is asked for.
 */
export function langFromAcceptLanguage(header: string | null | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'id' || tag.startsWith('id-')) return 'id';
  }
  return null;
}

export type LangSources = {
  query: string | null;
  cookie: string | null | undefined;
  acceptLanguage: string | null;
};

/**
 * SPEC §7: `?lang=` first, then the `lang` cookie, then `Accept-Language`, else Indonesian.
 * `isFromQuery` says the choice was explicit, so the page remembers it in the cookie.
 */
export function resolveLang(sources: LangSources): { lang: Lang; isFromQuery: boolean } {
  const fromQuery = parseLang(sources.query);
  if (fromQuery) return { lang: fromQuery, isFromQuery: true };
  const lang = parseLang(sources.cookie) ?? langFromAcceptLanguage(sources.acceptLanguage) ?? 'id';
  return { lang, isFromQuery: false };
}
