/**
 * Ticket encoding cost per Vietnamese mode: bytes per ticket, encode time, and time on the
 * wire at 9600 and 115200 baud (8N1: 10 bits a byte). Targets for a full 80 mm ticket in
 * raster mode: at most 8 KB, encoded in at most 50 ms.
 * Run: `npx tsx bench/print-encode.ts`; `run()` returns the figures for bench/run.ts.
 */
import { pathToFileURL } from 'node:url';
import { encodeTicket } from '../hardware/printer/ticket-encoder.ts';
import { printerProfile, VIETNAMESE_MODES, type VietnameseMode } from '../hardware/printer/printer-profile.ts';
import { sampleTicketLayout } from '../hardware/printer/sample-ticket.ts';
import { roundMs } from './support/figures.ts';

/** Figures for one mode. */
export interface PrintEncodeFigures {
  mode: VietnameseMode;
  paperWidthMm: 58 | 80;
  bytes: number;
  /** The first encode in the process: font loading and warm-up included. */
  firstEncodeMs: number;
  /** Median of the timed encodes of the same ticket: its lines come from the raster line cache. */
  medianEncodeMs: number;
  /** Median when every line of the ticket is new (nothing cached): the worst case per ticket. */
  uncachedEncodeMs: number;
  wireMsAt9600: number;
  wireMsAt115200: number;
}

/** Results of the benchmark plus whether the raster targets hold. */
export interface PrintEncodeReport {
  name: 'print-encode';
  figures: PrintEncodeFigures[];
  targets: { rasterBytesMax: number; rasterEncodeMsMax: number; met: boolean };
}

const wireMs = (bytes: number, baud: number): number => Math.round(((bytes * 10) / baud) * 1000);

function measure(mode: VietnameseMode, paperWidthMm: 58 | 80, rounds: number): PrintEncodeFigures {
  const profile = printerProfile({ vietnameseMode: mode, paperWidthMm, dotsPerLine: paperWidthMm === 80 ? 576 : 384 });
  const layout = sampleTicketLayout();
  let started = performance.now();
  const bytes = encodeTicket(layout, profile).length;
  const firstEncodeMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    started = performance.now();
    encodeTicket(layout, profile);
    times.push(performance.now() - started);
  }
  const medianEncodeMs = median(times);
  const fresh: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const unique = sampleTicketLayout({
      centreName: `Trung tâm Phục vụ hành chính công số ${i}`,
      serviceName: `Đăng ký khai sinh (lần ${i})`,
      peopleAhead: 100 + i,
      estimatedWaitMinutes: 100 + i,
      papers: [`Giấy chứng sinh số ${i}`, `Căn cước công dân số ${i}`, `Giấy chứng nhận kết hôn số ${i}`],
      footer: `Đường dây nóng: 1900 ${1000 + i}`,
    });
    started = performance.now();
    encodeTicket(unique, profile);
    fresh.push(performance.now() - started);
  }
  return {
    mode,
    paperWidthMm,
    bytes,
    firstEncodeMs: roundMs(firstEncodeMs),
    medianEncodeMs: roundMs(medianEncodeMs),
    uncachedEncodeMs: roundMs(median(fresh)),
    wireMsAt9600: wireMs(bytes, 9600),
    wireMsAt115200: wireMs(bytes, 115200),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Measure every mode on 80 mm paper, and raster on 58 mm. */
export function run(rounds = 30): PrintEncodeReport {
  const figures = [...VIETNAMESE_MODES.map((mode) => measure(mode, 80, rounds)), measure('raster', 58, rounds)];
  const raster80 = figures.find((f) => f.mode === 'raster' && f.paperWidthMm === 80);
  const rasterBytesMax = 8 * 1024;
  const rasterEncodeMsMax = 50;
  const met = raster80 !== undefined && raster80.bytes <= rasterBytesMax && raster80.uncachedEncodeMs <= rasterEncodeMsMax;
  return { name: 'print-encode', figures, targets: { rasterBytesMax, rasterEncodeMsMax, met } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = run();
  const rows = report.figures.map((f) => ({
    mode: f.mode,
    paper: `${f.paperWidthMm} mm`,
    bytes: f.bytes,
    'first ms': f.firstEncodeMs,
    'median ms': f.medianEncodeMs,
    'all new ms': f.uncachedEncodeMs,
    'wire 9600': `${(f.wireMsAt9600 / 1000).toFixed(2)} s`,
    'wire 115200': `${(f.wireMsAt115200 / 1000).toFixed(2)} s`,
  }));
  process.stdout.write('Ticket encoding (sample full ticket: long centre name, 3 papers, footer)\n');
  console.table(rows);
  const t = report.targets;
  process.stdout.write(`raster 80 mm targets (≤ ${t.rasterBytesMax} B, ≤ ${t.rasterEncodeMsMax} ms): ${t.met ? 'met' : 'NOT met'}\n`);
}
