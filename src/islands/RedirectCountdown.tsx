import { useEffect, useState } from 'preact/hooks';
import { fillPlaceholders } from '../i18n/messages.ts';

type Props = {
  url: string;
  seconds: number;
  /** `{seconds}` is filled; one form for 1, the other for the rest. */
  textOne: string;
  textOther: string;
  goLabel: string;
  stayLabel: string;
  stoppedText: string;
};

/**
 * SPEC §7: back to the merchant after a visible 5-second countdown, with a link to go now
 * and a button to stay (WCAG 2.2.1). Without JavaScript a <noscript> refresh redirects.
 */
export default function RedirectCountdown(props: Props) {
  const [left, setLeft] = useState(props.seconds);
  const [isReady, setReady] = useState(false);
  const [isStopped, setStopped] = useState(false);
  useEffect(() => {
    setReady(true);
    if (isStopped) return;
    const end = Date.now() + props.seconds * 1000;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        location.assign(props.url);
      }
    }, 250);
    return () => clearInterval(timer);
  }, [isStopped, props.seconds, props.url]);
  const text = fillPlaceholders(left === 1 ? props.textOne : props.textOther, { seconds: left });
  return (
    <div class="redirect">
      {!isStopped && <p class="redirect-text">{text}</p>}
      {/* Announced when the customer stops the redirect; the ticking itself is not. */}
      <p class="redirect-text" role="status">
        {isStopped ? props.stoppedText : ''}
      </p>
      <a class="button" href={props.url}>
        {props.goLabel}
      </a>
      {isReady && !isStopped && (
        <button type="button" class="button-quiet" onClick={() => setStopped(true)}>
          {props.stayLabel}
        </button>
      )}
    </div>
  );
}
