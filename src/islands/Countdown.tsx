import { useEffect, useState } from 'preact/hooks';
import { type DayWords, formatTimeLeft } from '../i18n/time-left.ts';

type Props = {
  /** The deadline, ISO 8601. */
  deadline: string;
  /** The server's clock when it rendered the page: a phone's own clock may be off. */
  serverNow: string;
  /** What the server rendered, shown until the first tick. */
  initialText: string;
  days: DayWords;
  timeUp: string;
};

/** "Time left" ticking every second; without JavaScript the server's text and the deadline stay. */
export default function Countdown({ deadline, serverNow, initialText, days, timeUp }: Props) {
  const [text, setText] = useState(initialText);
  useEffect(() => {
    const skew = Date.now() - Date.parse(serverNow);
    const end = Date.parse(deadline) + skew;
    const tick = () => {
      const left = end - Date.now();
      setText(left > 0 ? formatTimeLeft(left, days) : timeUp);
      if (left <= 0) clearInterval(timer);
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [deadline, serverNow, days, timeUp]);
  // role=timer is not announced on every tick (its live region is off by default).
  return (
    <span class="countdown" role="timer">
      {text}
    </span>
  );
}
