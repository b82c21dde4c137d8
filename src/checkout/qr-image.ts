/** Text made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * The server-drawn QR SVG as an image with an accessible name, so screen readers announce
 * what it is rather than skipping or spelling out its paths.
 */
export function labelQrSvg(svg: string, label: string): string {
  if (!svg.startsWith('<svg ')) throw new Error('not an SVG document');
  return svg.replace(
    '<svg ',
    `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" `,
  );
}
