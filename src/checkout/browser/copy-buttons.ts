/** The old way, for in-app browsers and pages outside a secure context (no Clipboard API). */
function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;opacity:0';
  document.body.append(area);
  area.select();
  try {
    // Deprecated, yet the only copy that works there; tried only after the modern API.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text);
  }
}

/**
 * Shows the Copy buttons the server rendered hidden (copying needs JavaScript) and has each
 * put its `data-copy` value on the clipboard, saying so in the status next to it.
 */
export function enhanceCopyButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const { copy = '', copied = '', failed = '' } = button.dataset;
    const status = button.parentElement?.querySelector('[role="status"]');
    if (!status) continue;
    button.addEventListener('click', async () => {
      status.textContent = '';
      status.textContent = (await copyToClipboard(copy)) ? copied : failed;
    });
    button.hidden = false;
  }
}
