/**
 * The receipt's "Save or print" button (rendered hidden: it needs JavaScript). The browser's
 * print dialog also saves as PDF, the proof a customer keeps or forwards.
 */
export function enhancePrintButton(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button.print-receipt')) {
    button.addEventListener('click', () => window.print());
    button.hidden = false;
  }
}
