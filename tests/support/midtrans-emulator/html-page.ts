/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** `Rp 44.000`, as Indonesian apps show amounts. */
export function formatRupiah(amount: number): string {
  return `Rp ${amount.toLocaleString('id-ID')}`;
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; color: #1a1a1a; }
  main { max-width: 48rem; margin: 0 auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.4rem; border-bottom: 1px solid #ddd; vertical-align: top; }
  form { display: inline; }
  button { font: inherit; padding: 0.4rem 0.9rem; margin: 0.2rem 0; cursor: pointer; }
  .amount { font-size: 1.6rem; font-weight: bold; }
`;

/** A whole page; `body` must already be escaped. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}
