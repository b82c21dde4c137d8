/** A screen this wide, with a mouse, is a computer: the customer scans it with their phone. */
const COMPUTER = '(min-width: 48rem) and (pointer: fine)';

/**
 * The server opens "pay from this phone" first: the page is opened on a phone far more often
 * than not. On a computer, "scan from another phone" is the way, so it opens instead.
 */
export function openQrisBlockForScreen(root: ParentNode = document): void {
  if (!window.matchMedia?.(COMPUTER).matches) return;
  const thisPhone = root.querySelector<HTMLDetailsElement>('details[data-channel="this_phone"]');
  const otherPhone = root.querySelector<HTMLDetailsElement>('details[data-channel="other_phone"]');
  if (!thisPhone || !otherPhone) return;
  thisPhone.open = false;
  otherPhone.open = true;
}
