import { redact } from './redact.ts';

/** A field's value: plain data only, so that every line can be read back as it was written. */
export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;

export type LogEvent = { time: Date; level: string; message: string; fields?: LogFields };

/**
 * Characters that could break a line, forge one, or hide what it says: C0 and C1 controls
 * (CR, LF, ESC…), DEL, the Unicode line and paragraph separators, bidirectional controls
 * (U+202E turns the rest of a line around), invisible joiners, and lone surrogates.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeUnsafe(text: string): string {
  return text.replace(
    UNSAFE,
    (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Free text made one safe line: backslashes doubled, then every unsafe character escaped. */
export function escapeText(text: string): string {
  return escapeUnsafe(text.replaceAll('\\', '\\\\'));
}

/** A value printed bare when it cannot be mistaken for anything else. */
const BARE = /^[\w.:/@+\-,*[\]()]+$/;

function textValue(value: LogValue): string {
  if (typeof value !== 'string') return String(value);
  // JSON.stringify escapes quotes, backslashes and C0 controls; the rest is escaped after.
  return BARE.test(value) ? value : escapeUnsafe(JSON.stringify(value));
}

function cleanFields(fields: LogFields | undefined): [string, LogValue][] {
  return Object.entries(fields ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [
      key.replace(/[^\w.]/g, '_'),
      typeof value === 'string' ? redact(value) : value,
    ]);
}

/** `2026-01-15T03:00:00.000Z info message key=value key="two words"`: one line, always. */
export function textLine(event: LogEvent): string {
  const fields = cleanFields(event.fields).map(([key, value]) => ` ${key}=${textValue(value)}`);
  return `${event.time.toISOString()} ${event.level} ${escapeText(redact(event.message))}${fields.join('')}`;
}

/** `{"time", "level", "msg", ...fields}`: one JSON object, on one line, that any parser reads. */
export function jsonLine(event: LogEvent): string {
  const head: [string, LogValue][] = [
    ['time', event.time.toISOString()],
    ['level', event.level],
    ['msg', redact(event.message)],
  ];
  // A field cannot stand in for the time, level or message of the line.
  const fields = cleanFields(event.fields).filter(([key]) => !RESERVED.has(key));
  const members = [...head, ...fields].map(
    ([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`,
  );
  return escapeUnsafe(`{${members.join(',')}}`);
}

const RESERVED = new Set(['time', 'level', 'msg']);
