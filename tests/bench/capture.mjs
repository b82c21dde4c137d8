// Fetches one response as it travels on the wire (still compressed), to replay it elsewhere.
import { request } from 'node:http';

// Connection-level headers that each server writes for itself.
const ownHeaders = new Set([
  'connection',
  'keep-alive',
  'date',
  'content-length',
  'transfer-encoding',
  'set-cookie',
]);

/** Answers { status, headers, body } of a GET, body as raw bytes (no decompression). */
export function captureResponse(url, headers) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false, timeout: 15_000 }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const kept = Object.entries(res.headers).filter(([name]) => !ownHeaders.has(name));
        resolve({
          status: res.statusCode,
          headers: Object.fromEntries(kept.map(([name, value]) => [name, String(value)])),
          body: Buffer.concat(chunks),
        });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout capturing ${url}`)));
    req.on('error', reject);
    req.end();
  });
}
