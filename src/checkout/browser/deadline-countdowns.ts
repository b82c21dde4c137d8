import { timeLeftText } from '../countdown.ts';

/**
 * Ticks every "time left" the server rendered (`.countdown[data-deadline]`) once a second,
 * from the deadline and the phone's own clock; the server's text stays until the first tick.
 */
export function startDeadlineCountdowns(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('.countdown[data-deadline]')) {
    const { deadline = '', dayOne = '', dayOther = '', timeUp = '' } = element.dataset;
    const end = Date.parse(deadline);
    if (Number.isNaN(end)) continue;
    const days = { one: dayOne, other: dayOther };
    const tick = () => {
      const now = Date.now();
      const text = timeLeftText(deadline, now, days, timeUp);
      if (element.textContent !== text) element.textContent = text;
      if (now >= end) clearInterval(timer);
    };
    const timer = setInterval(tick, 1000);
    tick();
  }
}
