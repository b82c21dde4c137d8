/**
 * Tiny real images (made once with sharp, kept as text so that tests need no image library):
 * 3 × 2 pixels, except the WebP with alpha (VP8X), 5 × 4.
 */
export const LOGO_FIXTURES = {
  png: 'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4w8AAQVDqDAMDADSsBMlunj+iAAAAAElFTkSuQmCC',
  jpeg: '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCdAHrB/9k=',
  jpegProgressive:
    '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wgARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAVAQEBAAAAAAAAAAAAAAAAAAAFBv/aAAwDAQACEAMQAAABkgXdf//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAQUCf//EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQMBAT8Bf//EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQIBAT8Bf//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEABj8Cf//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8hf//aAAwDAQACAAMAAAAQ/wD/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAEDAQE/EH//xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAECAQE/EH//xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAE/EH//2Q==',
  webpLossy:
    'UklGRjwAAABXRUJQVlA4IDAAAADQAQCdASoDAAIAAUAmJaACdLoB+AADsAD+91kv/kFpXLeAP/4yp8ZU+Mqf8XMAAAA=',
  webpLossless: 'UklGRhwAAABXRUJQVlA4TA8AAAAvAkAAAAcQZY7+ByKi/wEA',
  webpAlpha:
    'UklGRlwAAABXRUJQVlA4WAoAAAAQAAAABAAAAwAAQUxQSAoAAAABB1DAiAhERP8DVlA4ICwAAACQAQCdASoFAAQAAUAmJaACdLoAA5gA/vvhe//Ehf/Ehf/Ehf+JC+vgCniQAA==',
} as const;

/** `data:<type>;base64,<fixture>`. */
export function logoDataUrl(type: string, base64: string): string {
  return `data:${type};base64,${base64}`;
}

/** A PNG of exactly `size` bytes: the 3 × 2 fixture with a private chunk padding it out. */
export function pngOfSize(size: number): Buffer {
  const png = Buffer.from(LOGO_FIXTURES.png, 'base64');
  const end = png.length - 12; // before IEND
  const padding = size - png.length - 12;
  if (padding < 0) throw new RangeError(`a PNG is at least ${png.length + 12} bytes`);
  const chunk = Buffer.alloc(12 + padding);
  chunk.writeUInt32BE(padding, 0);
  chunk.write('prVt', 4, 'latin1'); // ancillary, private: decoders skip it (PNG §5.4)
  return Buffer.concat([png.subarray(0, end), chunk, png.subarray(end)]);
}
