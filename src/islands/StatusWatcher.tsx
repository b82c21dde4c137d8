import { useEffect } from 'preact/hooks';
import {
  POLL_MS,
  type StatusAnswer,
  hasStatusChanged,
  nextPollDelay,
} from '../checkout/status-poll.ts';

type Props = {
  /** `/b2b/{id}/status`, with `?payment={reff}` on a payment page. */
  url: string;
  /** The link status the server rendered the page for. */
  linkStatus: string;
  /** The payment status the server rendered, or null on the link page. */
  paymentStatus: string | null;
};

/**
 * SPEC §7: the page learns of payment within 2 seconds without a reload. Polls the status
 * endpoint while the page is visible and reloads once the server would render something
 * else (receipt, expired…); errors back off exponentially. Renders nothing.
 */
export default function StatusWatcher({ url, linkStatus, paymentStatus }: Props) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let isBusy = false;
    let isDone = false;

    const hasChanged = (answer: StatusAnswer) =>
      hasStatusChanged(answer, { linkStatus, paymentStatus });

    const schedule = (ms: number) => {
      clearTimeout(timer);
      if (!isDone && !document.hidden) timer = setTimeout(poll, ms);
    };

    const poll = async () => {
      if (isBusy || isDone) return;
      isBusy = true;
      try {
        const response = await fetch(url, {
          cache: 'no-store',
          headers: { accept: 'application/json' },
        });
        // A link that vanished renders as "not found": let the server say so.
        const isChanged =
          response.status === 404 || (response.ok && hasChanged(await response.json()));
        // Checked after the wait: the customer may have sent a form meanwhile.
        if (isDone) return;
        if (isChanged) {
          isDone = true;
          location.reload();
          return;
        }
        failures = response.ok ? 0 : failures + 1;
      } catch {
        failures += 1;
      } finally {
        isBusy = false;
      }
      schedule(nextPollDelay(failures));
    };

    const onVisibilityChange = () => {
      clearTimeout(timer);
      if (!document.hidden) void poll();
    };
    // A form post on its way ("Choose another method", "Simulate payment", Pay) leads to the
    // page to show next; a reload now would cancel it and show this address again instead.
    const onSubmit = (event: SubmitEvent) => {
      if (event.defaultPrevented) return;
      isDone = true;
      clearTimeout(timer);
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    document.addEventListener('submit', onSubmit);
    schedule(POLL_MS);
    return () => {
      isDone = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      document.removeEventListener('submit', onSubmit);
    };
  }, [url, linkStatus, paymentStatus]);
  return null;
}
