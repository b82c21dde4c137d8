import { createLru } from '../../cache/lru.ts';

/** An image of a QR code as the gateway drew it: PNG or JPEG bytes. */
export type QrImage = { bytes: Uint8Array<ArrayBuffer>; contentType: 'image/png' | 'image/jpeg' };

/**
 * `missing`: there is no image to fetch (no http(s) URL, or the gateway says it has none);
 * `unavailable`: the gateway failed, was slow, or answered with something that is not a
 * QR image of a sensible size (a retry later may do better).
 */
export type QrImageOutcome =
  { ok: true; image: QrImage } | { ok: false; reason: 'missing' | 'unavailable' };

export type GatewayQrImages = {
  /** The image at `url`, kept under `key` (one payment) once fetched. */
  load: (key: string, url: string) => Promise<QrImageOutcome>;
};

export type GatewayQrImageOptions = {
  timeoutMs?: number;
  maxBytes?: number;
  /** How many images are kept; each payment has one. */
  maxEntries?: number;
};

const SIGNATURES: Record<QrImage['contentType'], readonly number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/**
 * Fetches a gateway's QR image on the server (SPEC §10), so the customer's browser loads it
 * from our origin and never talks to the gateway (the page's CSP stays `img-src 'self'
 * data:`). Bounded in time and size, checked to be the PNG or JPEG it claims to be, kept
 * in a small LRU per payment, and one fetch at a time per payment however many ask.
 */
export function createGatewayQrImages(options: GatewayQrImageOptions = {}): GatewayQrImages {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxBytes = options.maxBytes ?? 512 * 1024;
  const kept = createLru<string, QrImage>({
    maxEntries: options.maxEntries ?? 64,
    maxBytes: 8 * 1024 * 1024,
    sizeOf: (image) => image.bytes.byteLength,
  });
  const inFlight = new Map<string, Promise<QrImageOutcome>>();

  return {
    load(key, url) {
      const image = kept.get(key);
      if (image) return Promise.resolve({ ok: true, image });
      const running = inFlight.get(key);
      if (running) return running;
      const loading = fetchQrImage(url, timeoutMs, maxBytes)
        .then((outcome) => {
          if (outcome.ok) kept.set(key, outcome.image);
          return outcome;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, loading);
      return loading;
    },
  };
}

const UNAVAILABLE = { ok: false, reason: 'unavailable' } as const;
const MISSING = { ok: false, reason: 'missing' } as const;

async function fetchQrImage(
  url: string,
  timeoutMs: number,
  maxBytes: number,
): Promise<QrImageOutcome> {
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return MISSING;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'image/png, image/jpeg' },
    });
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      return MISSING;
    }
    const contentType = mediaTypeOf(response.headers.get('content-type'));
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (!response.ok || !contentType || declared > maxBytes) {
      await response.body?.cancel();
      return UNAVAILABLE;
    }
    const bytes = await readAtMost(response, maxBytes);
    if (!bytes || !startsWith(bytes, SIGNATURES[contentType])) return UNAVAILABLE;
    return { ok: true, image: { bytes, contentType } };
  } catch {
    // Timed out, refused, reset: the gateway is unavailable for now.
    return UNAVAILABLE;
  }
}

function mediaTypeOf(header: string | null): QrImage['contentType'] | null {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'image/png' || type === 'image/jpeg' ? type : null;
}

/** The body, or null once it grows past `maxBytes` (then the rest is not read). */
async function readAtMost(
  response: Response,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}
