// Draws the app icons (a lens over a token's three parts) as PNGs, so that the
// playground can be installed. Run once; the PNGs are committed:
//   node web/pwa/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync, crc32 } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const BG = [26, 86, 196];
const PARTS = [[251, 1, 91], [214, 58, 255], [0, 185, 241]]; // header, payload, signature

function pixel(x, y, n) {
  const u = x / n, v = y / n;
  // Rounded square background (maskable: the art stays inside the safe 80 % circle).
  const r = 0.18, cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
  // Three bars, the token's parts.
  for (const [i, c] of PARTS.entries()) {
    const x0 = 0.24 + i * 0.18;
    if (u >= x0 && u < x0 + 0.14 && v >= 0.3 && v < 0.44) return [...c, 255];
  }
  // A lens: a ring and its handle.
  const d = Math.hypot(u - 0.46, v - 0.6);
  if (d > 0.13 && d < 0.18) return [255, 255, 255, 255];
  const t = ((u - 0.59) + (v - 0.73)) / 2, off = Math.abs((u - 0.59) - (v - 0.73)) / Math.SQRT2;
  if (t > 0 && t < 0.12 && off < 0.035) return [255, 255, 255, 255];
  return [...BG, 255];
}

function png(n) {
  const raw = Buffer.alloc((n * 4 + 1) * n);
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0;
    for (let x = 0; x < n; x++) {
      // 4× supersampling for smooth edges.
      const acc = [0, 0, 0, 0];
      for (const [dx, dy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) {
        const p = pixel(x + dx, y + dy, n);
        for (let k = 0; k < 4; k++) acc[k] += p[k] / 4;
      }
      acc.forEach((c, k) => (raw[y * (n * 4 + 1) + 1 + x * 4 + k] = Math.round(c)));
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const n of [192, 512]) writeFileSync(join(here, `icon-${n}.png`), png(n));
