import QRCode from 'qrcode';

const cache = new Map<string, string>();
const MAX_CACHED = 500;

/**
 * The QR code as inline SVG, with the 4-module quiet zone scanners need. Drawing one costs
 * about a millisecond, so each payload is drawn once and kept (stack notes).
 */
export async function qrSvg(payload: string): Promise<string> {
  const cached = cache.get(payload);
  if (cached) return cached;
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
  cache.set(payload, svg);
  return svg;
}
