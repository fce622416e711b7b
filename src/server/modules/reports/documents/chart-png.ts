import { deflateSync } from "node:zlib";
import type { ChartSpec } from "../../../../core/reports";

/** The series colours, shared with the SVG so the fallback looks the same. */
export const CHART_COLORS = ["#1c7ed6", "#f08c00", "#2f9e44", "#ae3ec9"] as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rgb = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

/**
 * The PNG image Word shows where it cannot show the chart's SVG: the same grouped bars and axes,
 * drawn without text (the SVG carries the labels). No dependency: the pixels go through zlib.
 */
export function chartFallbackPng(chart: ChartSpec, width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3, 0xff);
  const fill = (x0: number, y0: number, x1: number, y1: number, color: [number, number, number]) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++)
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) pixels.set(color, (y * width + x) * 3);
  };
  const left = 50;
  const bottom = height - 40;
  const top = 40;
  fill(left, top, left + 1, bottom, [80, 80, 80]);
  fill(left, bottom, width - 20, bottom + 1, [80, 80, 80]);
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values));
  const groups = Math.max(1, chart.categories.length);
  const groupWidth = (width - 20 - left) / groups;
  const barWidth = Math.max(1, Math.floor((groupWidth * 0.7) / Math.max(1, chart.series.length)));
  chart.series.forEach((series, s) => {
    const color = rgb(CHART_COLORS[s % CHART_COLORS.length] ?? "#1c7ed6");
    series.values.forEach((value, i) => {
      const x = Math.round(left + i * groupWidth + groupWidth * 0.15 + s * barWidth);
      const h = Math.round(((bottom - top) * value) / max);
      fill(x, bottom - h, x + barWidth - 1, bottom, color);
    });
  });
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    pixels.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
