/**
 * `%text%` for LIKE / ILIKE with the user's own `%`, `_` and `\` taken literally (backslash is
 * PostgreSQL's default LIKE escape), so that a search for `50%` is not "anything after 50".
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
