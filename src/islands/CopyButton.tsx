import { useEffect, useState } from 'preact/hooks';

type Props = {
  /** Exactly what lands on the clipboard (digits only, no spaces). */
  value: string;
  /** Visible button text (`Salin`). */
  label: string;
  /** Read after the visible text, completing the button's name (`nomor Virtual Account`). */
  labelSuffix: string;
  copiedMessage: string;
  failedMessage: string;
};

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

/** A Copy button; rendered hidden on the server, shown once JavaScript can run it. */
export default function CopyButton({
  value,
  label,
  labelSuffix,
  copiedMessage,
  failedMessage,
}: Props) {
  const [isReady, setReady] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => setReady(true), []);
  const copy = async () => {
    setMessage('');
    const isCopied = await copyToClipboard(value);
    setMessage(isCopied ? copiedMessage : failedMessage);
  };
  return (
    <span class="copy">
      <button type="button" class="copy-button" hidden={!isReady} onClick={copy}>
        {label}
        <span class="visually-hidden"> {labelSuffix}</span>
      </button>
      <span class="copy-message" role="status">
        {message}
      </span>
    </span>
  );
}
