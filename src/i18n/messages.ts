import { EN } from './messages-en.ts';
import { ID } from './messages-id.ts';

/** The page languages: Bahasa Indonesia by default, and English (SPEC §7). */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type MessageKey = keyof typeof ID;
export type Messages = Record<MessageKey, string>;

export const CATALOGS: Readonly<Record<Lang, Messages>> = { id: ID, en: EN };

/** Fills `{name}` placeholders; a placeholder without a value stays as written. */
export function fillPlaceholders(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A translator for one language: `t('submit', { amount: 'Rp 20.000' })`. */
export function translator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  return (key, values) => (values ? fillPlaceholders(catalog[key], values) : catalog[key]);
}
