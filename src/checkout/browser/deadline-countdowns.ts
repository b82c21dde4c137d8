import { isDeadlineNear, shownTimeLeft } from '../countdown.ts';

/**
 * Updates every "time left" the server rendered (`.countdown[data-deadline]`) once a second,
 * from the deadline and the phone's own clock: to the minute while the deadline is far, a
 * ticking clock once it is near, when its box (`.deadline`) also turns to the near look.
 */
export function startDeadlineCountdowns(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('.countdown[data-deadline]')) {
    const { deadline = '', dayOne = '', dayOther = '', timeUp = '' } = element.dataset;
    const { hours = '', minutes = '', underMinute = '' } = element.dataset;
    const end = Date.parse(deadline);
    if (Number.isNaN(end)) continue;
    const words = { days: { one: dayOne, other: dayOther }, hours, minutes, underMinute };
    const box = element.closest('.deadline');
    const tick = () => {
      const now = Date.now();
      const text = shownTimeLeft(deadline, now, words, timeUp, true);
      if (element.textContent !== text) element.textContent = text;
      box?.classList.toggle('near', isDeadlineNear(deadline, now));
      if (now >= end) clearInterval(timer);
    };
    const timer = setInterval(tick, 1000);
    tick();
  }
}
