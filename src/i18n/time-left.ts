/** How a whole number of days reads: `{n}` is replaced, singular and plural forms. */
export type DayWords = { one: string; other: string };

/** The words of a time left written to the minute: `{n} jam`, `{n} menit`, `< 1 menit`. */
export type TimeWords = { days: DayWords; hours: string; minutes: string; underMinute: string };

const pad = (n: number) => String(n).padStart(2, '0');
const count = (word: string, n: number) => word.replace('{n}', String(n));

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
  return `${count(d === 1 ? days.one : days.other, d)} ${clock}`;
}

/**
 * Time left to the minute, rounded down, in two units at most: `2 hari 3 jam`,
 * `3 jam 15 menit`, `29 menit`, `kurang dari 1 menit`. No seconds: text that a page without
 * JavaScript shows for minutes must not look precise to the second (issue 12).
 */
export function formatTimeLeftToMinute(milliseconds: number, words: TimeWords): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (minutes === 0) return words.underMinute;
  const parts =
    d > 0
      ? [count(d === 1 ? words.days.one : words.days.other, d), h > 0 && count(words.hours, h)]
      : [h > 0 && count(words.hours, h), m > 0 && count(words.minutes, m)];
  return parts.filter(Boolean).join(' ');
}
