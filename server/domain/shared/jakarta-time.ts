/**
 * Times are stored in UTC and written with the Asia/Jakarta offset (SPEC §1). Indonesia has
 * had no daylight saving since 1964, so WIB is a fixed UTC+07:00.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

function wibParts(instant: Date) {
  const shifted = new Date(instant.getTime() + WIB_OFFSET_MS);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return {
    year: pad(shifted.getUTCFullYear(), 4),
    month: pad(shifted.getUTCMonth() + 1),
    day: pad(shifted.getUTCDate()),
    hour: pad(shifted.getUTCHours()),
    minute: pad(shifted.getUTCMinutes()),
    second: pad(shifted.getUTCSeconds()),
  };
}

/** `2025-10-21T13:59:40+07:00`: ISO 8601 in WIB, whole seconds. */
export function toWibIso(instant: Date): string {
  const p = wibParts(instant);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+07:00`;
}

/** `20251021135940`: the compact stamp inside public ids. */
export function toWibStamp(instant: Date): string {
  const p = wibParts(instant);
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}

/** `20251021`: the Jakarta calendar day (v1.1 token signatures). */
export function toWibDate(instant: Date): string {
  const p = wibParts(instant);
  return `${p.year}${p.month}${p.day}`;
}
