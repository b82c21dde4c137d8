import { fillPlaceholders } from '../../i18n/messages.ts';
import { secondsLeft } from '../countdown.ts';
import { unwatchedHref } from '../watched.ts';

/**
 * SPEC §7: back to the merchant after a visible countdown (`.redirect[data-redirect-url]`),
 * with the server's link to go now and a button, shown here, to stay (WCAG 2.2.1). Without
 * JavaScript a <noscript> refresh redirects instead.
 */
export function startReturnCountdown(root: ParentNode = document): void {
  const box = root.querySelector<HTMLElement>('.redirect[data-redirect-url]');
  const text = box?.querySelector('.redirect-text:not([role])');
  const status = box?.querySelector('[role="status"]');
  const stay = box?.querySelector<HTMLButtonElement>('button');
  if (!box || !text || !status || !stay) return;
  const {
    redirectUrl = '',
    seconds = '0',
    textOne = '',
    textOther = '',
    stopped = '',
  } = box.dataset;
  // Back from the merchant, or reloaded, this page shows a button rather than counting again.
  history.replaceState(history.state, '', unwatchedHref(location.href));
  const end = Date.now() + Number(seconds) * 1000;
  const timer = setInterval(() => {
    const left = secondsLeft(end, Date.now());
    text.textContent = fillPlaceholders(left === 1 ? textOne : textOther, { seconds: left });
    if (left > 0) return;
    clearInterval(timer);
    location.assign(redirectUrl);
  }, 250);
  stay.addEventListener('click', () => {
    clearInterval(timer);
    text.remove();
    stay.remove();
    // Announced when the customer stops the redirect; the ticking itself is not.
    status.textContent = stopped;
  });
  stay.hidden = false;
}
