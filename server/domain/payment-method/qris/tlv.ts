/** EMVCo data objects: `ID (2 digits) + LEN (2 digits) + VALUE` (EMVCo MPM §4.3). */
export type DataObject = { id: string; value: string };

/** Encodes one data object; the value must be 1–99 characters. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`EMVCo tag id must be two digits, got "${id}"`);
  if (value.length < 1 || value.length > 99) {
    throw new Error(`EMVCo tag ${id} value must be 1–99 characters, got ${value.length}`);
  }
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Decodes a run of data objects; null when the text is not exactly a sequence of them. */
export function parseTlv(text: string): DataObject[] | null {
  const objects: DataObject[] = [];
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const length = text.slice(at + 2, at + 4);
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(length)) return null;
    const size = Number(length);
    if (size === 0 || at + 4 + size > text.length) return null;
    objects.push({ id, value: text.slice(at + 4, at + 4 + size) });
    at += 4 + size;
  }
  return objects;
}
