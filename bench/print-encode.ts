/**
 * Ticket printing cost and legibility, on real kiosk tickets: the server issues them (birth
 * registration with its six papers and a priority group; the marital-status certificate with
 * its two cases) and they are laid out exactly as the server prints them. Per Vietnamese mode:
 * bytes, encode time, time on the wire at 9600 and 115200 baud (8N1: 10 bits a byte). In raster
 * mode, how well the printed text reads: Tesseract's Vietnamese model (Debian's tesseract-ocr-vie,
 * when installed) reads the preview, and its character accuracy against the text is reported.
 * Targets for the 80 mm raster ticket: at most 8 KB, encoded in at most 50 ms, OCR ≥ 98.5 %
 * (what full-width raster read in issue 16; the half-width default it replaced read 95 %).
 * Run: `npx tsx bench/print-encode.ts`; `run()` returns the figures for bench/run.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { charsetsFor, decodeEscPos, documentText, renderPreview } from '../hardware/printer/index.ts';
import { encodeTicket } from '../hardware/printer/ticket-encoder.ts';
import { printerProfile, VIETNAMESE_MODES, type VietnameseMode } from '../hardware/printer/printer-profile.ts';
import { parseTicketLayout, type TicketLayout } from '../hardware/printer/ticket-layout.ts';
import type { IssuedTicket } from '../protocol/views.ts';
import { ticketLayoutOf } from '../server/app/ticket-paper.ts';
import { roundMs } from './support/figures.ts';
import { startBenchServer } from './support/bench-server.ts';

/** Figures for one mode. */
export interface PrintEncodeFigures {
  mode: VietnameseMode;
  paperWidthMm: 58 | 80;
  nativeQr: boolean;
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
  /** The kiosk ticket measured: its papers and raster bytes, for each procedure. */
  tickets: Array<{ procedure: string; papers: number; rasterBytes: number }>;
  figures: PrintEncodeFigures[];
  /** Character accuracy (0–1) of Tesseract reading the 80 mm raster preview; null without Tesseract. */
  ocrAccuracy: number | null;
  targets: { rasterBytesMax: number; rasterEncodeMsMax: number; ocrMin: number; met: boolean };
}

const wireMs = (bytes: number, baud: number): number => Math.round(((bytes * 10) / baud) * 1000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function measure(layout: TicketLayout, mode: VietnameseMode, paperWidthMm: 58 | 80, nativeQr: boolean, rounds: number): PrintEncodeFigures {
  const profile = printerProfile({ vietnameseMode: mode, paperWidthMm, dotsPerLine: paperWidthMm === 80 ? 576 : 384, nativeQr });
  let started = performance.now();
  const bytes = encodeTicket(layout, profile).length;
  const firstEncodeMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    started = performance.now();
    encodeTicket(layout, profile);
    times.push(performance.now() - started);
  }
  const fresh: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Every line new: another centre, service, wait and papers, so nothing comes from the cache.
    const unique = {
      ...layout,
      centreName: `${layout.centreName} ${i}`,
      serviceName: `${layout.serviceName} (${i})`,
      wait: { kind: 'range' as const, estimatedAt: layout.issuedAt, fromMinutes: 100 + i, toMinutes: 110 + i, startsAt: null },
      dossier: layout.dossier.map((c) => ({ ...c, papers: c.papers.map((p) => ({ ...p, name: `${p.name} ${i}` })) })),
    };
    started = performance.now();
    encodeTicket(unique, profile);
    fresh.push(performance.now() - started);
  }
  return {
    mode,
    paperWidthMm,
    nativeQr,
    bytes,
    firstEncodeMs: roundMs(firstEncodeMs),
    medianEncodeMs: roundMs(median(times)),
    uncachedEncodeMs: roundMs(median(fresh)),
    wireMsAt9600: wireMs(bytes, 9600),
    wireMsAt115200: wireMs(bytes, 115200),
  };
}

/** Issues tickets through the real server and takes their layouts as the server prints them. */
async function kioskTickets(): Promise<Array<{ procedure: string; layout: TicketLayout }>> {
  const bench = await startBenchServer();
  try {
    const out: Array<{ procedure: string; layout: TicketLayout }> = [];
    for (const [procedure, priorityGroup] of [
      ['1.001193', bench.server.ctx.site.get().centre.priorityGroups[0]?.id ?? null],
      ['1.004873', null],
    ] as const) {
      const res = await fetch(`${bench.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bench.adminToken}` },
        body: JSON.stringify({ serviceId: 'civil-status', procedureCode: procedure, priorityGroup }),
      });
      const issued = (await res.json()) as { ok: true; value: IssuedTicket };
      const parsed = parseTicketLayout(ticketLayoutOf(bench.server.ctx, issued.value.ticket.id));
      if (!parsed.ok) throw new Error(parsed.issues.join('; '));
      out.push({ procedure, layout: parsed.layout });
    }
    return out;
  } finally {
    await bench.close();
  }
}

/** Tesseract's character accuracy on the raster preview of a ticket, against its text; null without Tesseract. */
async function ocrAccuracy(layout: TicketLayout): Promise<number | null> {
  if (!hasVietnameseOcr()) return null;
  const raster = printerProfile();
  const preview = renderPreview(decodeEscPos(encodeTicket(layout, raster)), raster.dotsPerLine);
  // The same ticket in a code page gives its text line by line, as it is on paper.
  const textProfile = printerProfile({ vietnameseMode: 'codepage-tcvn3' });
  const expected = documentText(decodeEscPos(encodeTicket(layout, textProfile), charsetsFor(textProfile)))
    .filter((line) => /[^\s-]/.test(line) && line !== layout.number)
    .join(' ');
  const dir = await mkdtemp(join(tmpdir(), 'motcua-ocr-'));
  try {
    await writeFile(join(dir, 'ticket.png'), preview);
    const read = execFileSync('tesseract', [join(dir, 'ticket.png'), '-', '-l', 'vie', '--psm', '4', '--dpi', '203'], { stdio: 'pipe' })
      .toString()
      .normalize('NFC');
    const norm = (s: string) =>
      s
        .replace(/[\s-]+/g, ' ')
        .replace(layout.number, '')
        .trim();
    const want = [...norm(expected)];
    return Math.max(0, 1 - editDistance([...norm(read)], want) / want.length);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether Tesseract and its Vietnamese model are installed. */
function hasVietnameseOcr(): boolean {
  try {
    return execFileSync('tesseract', ['--list-langs'], { stdio: 'pipe' }).toString().split('\n').includes('vie');
  } catch {
    return false;
  }
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Measure every mode on 80 mm paper, raster on 58 mm and with a raster QR code, on real kiosk tickets. */
export async function run(rounds = 30): Promise<PrintEncodeReport> {
  const tickets = await kioskTickets();
  const birth = tickets[0]!.layout;
  const figures = [
    ...VIETNAMESE_MODES.map((mode) => measure(birth, mode, 80, true, rounds)),
    measure(birth, 'raster', 58, true, rounds),
    measure(birth, 'raster', 80, false, rounds),
  ];
  const raster = printerProfile();
  const ocr = await ocrAccuracy(birth);
  const raster80 = figures[0]!;
  const targets = { rasterBytesMax: 8 * 1024, rasterEncodeMsMax: 50, ocrMin: 0.985 };
  const sizes = tickets.map((t) => ({
    procedure: t.procedure,
    papers: t.layout.dossier.reduce((n, c) => n + c.papers.length, 0),
    rasterBytes: encodeTicket(t.layout, raster).length,
  }));
  const met =
    sizes.every((s) => s.rasterBytes <= targets.rasterBytesMax) &&
    raster80.uncachedEncodeMs <= targets.rasterEncodeMsMax &&
    (ocr === null || ocr >= targets.ocrMin);
  return { name: 'print-encode', tickets: sizes, figures, ocrAccuracy: ocr, targets: { ...targets, met } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await run();
  process.stdout.write('Kiosk tickets issued by the server, printed in raster mode on 80 mm:\n');
  console.table(report.tickets);
  console.table(
    report.figures.map((f) => ({
      mode: f.mode,
      paper: `${f.paperWidthMm} mm`,
      qr: f.nativeQr ? 'native' : 'raster',
      bytes: f.bytes,
      'first ms': f.firstEncodeMs,
      'median ms': f.medianEncodeMs,
      'all new ms': f.uncachedEncodeMs,
      'wire 9600': `${(f.wireMsAt9600 / 1000).toFixed(2)} s`,
      'wire 115200': `${(f.wireMsAt115200 / 1000).toFixed(2)} s`,
    })),
  );
  const ocr = report.ocrAccuracy === null ? 'not measured (install tesseract-ocr-vie)' : `${(report.ocrAccuracy * 100).toFixed(1)} %`;
  process.stdout.write(`OCR accuracy of the raster ticket: ${ocr}\n`);
  const t = report.targets;
  process.stdout.write(
    `raster targets (≤ ${t.rasterBytesMax} B, ≤ ${t.rasterEncodeMsMax} ms, OCR ≥ ${t.ocrMin * 100} %): ${t.met ? 'met' : 'NOT met'}\n`,
  );
}
