/** How a whole number of days reads: `{n}` is replaced, singular and plural forms. */
export type DayWords = { one: string; other: string };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Time left before a deadline, as a ticking clock: `29:41` under an hour, `23:59:59` under
 * a day, `2 hari 03:15:00` beyond. Zero or less reads `00:00`. Pure, so the server renders
 * the same text the countdown script starts from.
 */
export function formatTimeLeft(milliseconds: number, days: DayWords): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const clock = d === 0 && h === 0 ? `${pad(m)}:${pad(s)}` : `${pad(h)}:${pad(m)}:${pad(s)}`;
  if (d === 0) return clock;
  const dayText = (d === 1 ? days.one : days.other).replace('{n}', String(d));
  return `${dayText} ${clock}`;
}
