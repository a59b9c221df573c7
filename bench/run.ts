import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { run as announcementBacklog } from './announcement-backlog.ts';
import { run as backupRestore, type StepFigures } from './backup-restore.ts';
import { run as buttonLatency } from './button-latency.ts';
import { run as buttonServerLatency } from './button-server-latency.ts';
import { run as callLatency } from './call-latency.ts';
import { run as catalogueSearch } from './catalogue-search.ts';
import { run as displayLatency } from './display-latency.ts';
import { run as floodLatency } from './flood-latency.ts';
import { run as hubProvince } from './hub-province.ts';
import { run as issueThroughput } from './issue-throughput.ts';
import { run as kioskBundle } from './kiosk-bundle.ts';
import { run as printEncode } from './print-encode.ts';
import { run as reports } from './reports.ts';
import { run as serverMemory } from './server-memory.ts';
import { run as waitEstimate } from './wait-estimate.ts';
import { startNodeArgs } from '../scripts/start-command.ts';

/** One line of the summary: what was measured, the figure, the target, whether it holds. */
type Row = [measure: string, figure: string, target: string, met: boolean | null];

interface Bench {
  name: string;
  run(): Promise<Row[]>;
}

const ms = (x: number | null) => (x === null ? '–' : `${x} ms`);

const benches: Bench[] = [
  {
    name: 'durable ticket issue',
    async run() {
      const f = await issueThroughput(10_000, false);
      const p = await issueThroughput(10_000, true);
      return [
        ['durable issues/s, 8 concurrent kiosks', String(f.issuesPerSecond), '≥ 500', f.issuesPerSecond >= 500],
        ['durable issues/s while 8 counters call', String(f.issuesPerSecondWithCounters), '', null],
        [
          'per-ticket cost #100 → #10,000',
          `${ms(f.costAt100Ms)} → ${ms(f.costAt10000Ms)} (×${f.growth})`,
          '≤ ×1.5',
          f.growth !== null && f.growth <= 1.5,
        ],
        ['issues/s with virtual raster printing', String(p.issuesPerSecond), '', null],
      ];
    },
  },
  {
    name: 'call latency to 150 displays',
    async run() {
      const f = await callLatency();
      return [
        ['motcua call → 150 clients p50 / p99', `${ms(f.motcuaP50Ms)} / ${ms(f.motcuaP99Ms)}`, '', null],
        ['bare Socket.IO broadcast p50 / p99', `${ms(f.bareP50Ms)} / ${ms(f.bareP99Ms)}`, '', null],
        ['p99 ratio', `×${f.ratioP99}`, '≤ ×2', f.ratioP99 !== null && f.ratioP99 <= 2],
      ];
    },
  },
  {
    name: 'anonymous flood',
    async run() {
      const f = await floodLatency();
      return f.phases.map(
        (p): Row => [
          `ticket issue p50 / p99 while one client floods ${p.flood}, next to none just before (${f.issues} issues each)`,
          `${ms(p.calm.p50Ms)} / ${ms(p.calm.p99Ms)} → ${ms(p.flooded.p50Ms)} / ${ms(p.flooded.p99Ms)} (×${p.ratioP99})`,
          '≤ ×2 p99',
          p.ratioP99 <= 2,
        ],
      );
    },
  },
  {
    name: 'call buttons',
    async run() {
      const d = await buttonLatency();
      const s = await buttonServerLatency();
      return [
        ['button → answer, driver only (pty) p50 / p99', `${ms(d.p50Ms)} / ${ms(d.p99Ms)}`, '< 200 ms', d.p99Ms < 200],
        ['button NEXT → answer through the server p50 / p99', `${ms(s.p50Ms)} / ${ms(s.p99Ms)}`, '< 200 ms', s.p99Ms < 200],
      ];
    },
  },
  {
    name: 'ticket printing',
    async run() {
      const r = await printEncode();
      const t = r.targets;
      const rows = r.tickets.map(
        (k): Row => [
          `kiosk ticket ${k.procedure} (${k.papers} papers), raster 80 mm`,
          `${k.rasterBytes} B`,
          `≤ ${t.rasterBytesMax / 1024} KB`,
          k.rasterBytes <= t.rasterBytesMax,
        ],
      );
      rows.push([
        'raster 80 mm: Tesseract (vie) character accuracy',
        r.ocrAccuracy === null ? 'not measured' : `${(r.ocrAccuracy * 100).toFixed(1)} %`,
        `≥ ${t.ocrMin * 100} %`,
        r.ocrAccuracy === null ? null : r.ocrAccuracy >= t.ocrMin,
      ]);
      for (const f of r.figures) {
        const raster = f.mode === 'raster' && f.paperWidthMm === 80 && f.nativeQr;
        rows.push([
          `${f.mode} ${f.paperWidthMm} mm${f.nativeQr ? '' : ', QR as image'}: bytes, encode (repeated / all lines new), wire 9600 / 115200`,
          `${f.bytes} B, ${ms(f.medianEncodeMs)} / ${ms(f.uncachedEncodeMs)}, ${f.wireMsAt9600} / ${f.wireMsAt115200} ms`,
          raster ? `≤ ${t.rasterEncodeMsMax} ms` : '',
          raster ? f.uncachedEncodeMs <= t.rasterEncodeMsMax : null,
        ]);
      }
      return rows;
    },
  },
  {
    name: 'catalogue search',
    async run() {
      const f = await catalogueSearch();
      return [
        [`${f.procedures} procedures, median / p99 per query`, `${ms(f.medianMs)} / ${ms(f.p99Ms)}`, '≤ 2 ms median', f.medianMs <= 2],
      ];
    },
  },
  {
    name: 'call display',
    async run() {
      const f = await displayLatency();
      return [['counter call → board DOM p50 / p99 (Chromium)', `${ms(f.p50Ms)} / ${ms(f.p99Ms)}`, '≤ 1 s', f.p99Ms <= 1000]];
    },
  },
  {
    name: 'announcement backlog',
    async run() {
      const f = await announcementBacklog();
      const s = (x: number) => `${x} s`;
      return [
        [
          `call → its announcement starts, busiest hour of a 60-counter day (${f.peakCalls} calls from ${f.peakFrom}) p50 / p95 / max`,
          `${s(f.p50Seconds)} / ${s(f.p95Seconds)} / ${s(f.maxSeconds)}`,
          'p95 ≤ 10 s',
          f.p95Seconds <= 10,
        ],
        ['the same with the English sentence on, p95', s(f.englishP95Seconds), 'p95 ≤ 10 s', f.englishP95Seconds <= 10],
        [
          `share said briefly at peak; announcements never started (of ${f.calls} calls, ${f.recalls} recalls)`,
          `${Math.round(f.briefShare * 100)} %; ${f.dropped}`,
          'none dropped',
          f.dropped === 0,
        ],
      ];
    },
  },
  {
    name: 'reports',
    async run() {
      const f = await reports();
      return [
        [`${f.days}-day report (${f.tickets} tickets), cached / cold`, `${ms(f.medianMs)} / ${ms(f.coldMs)}`, '< 1 s', f.medianMs < 1000],
      ];
    },
  },
  {
    name: 'backup and restore',
    async run() {
      const f = await backupRestore();
      const what = `${f.days} days × ${Math.round(f.tickets / f.days)} tickets (${Math.round(f.journalsMb)} MB of journals)`;
      const step = (name: string, s: StepFigures, targeted: boolean): Row => [
        `${name}: time / peak RSS / longest event-loop stall`,
        `${(s.ms / 1000).toFixed(1)} s / ${s.peakRssMb} MB / ${s.longestStallMs} ms`,
        targeted ? '≤ 120 MB, ≤ 50 ms' : '',
        targeted ? s.peakRssMb <= 120 && s.longestStallMs <= 50 : null,
      ];
      return [
        step(`backup of ${what} to a ${f.archiveMb.toFixed(1)} MB .tar.gz`, f.backup, true),
        ['slowest ticket issued during the backup', ms(Math.round(f.backup.slowestIssueMs)), '', null],
        [
          'baseline: the same server idle as long, same issues: longest stall / slowest ticket',
          `${f.idle.longestStallMs} ms / ${Math.round(f.idle.slowestIssueMs)} ms`,
          '',
          null,
        ],
        step('restore: upload, check every file, preview', f.check, true),
        step('restore: apply and restart in place', f.apply, false),
      ];
    },
  },
  {
    name: 'province hub',
    async run() {
      const f = await hubProvince();
      return [
        [
          `ingest into PostgreSQL: ${f.centres} centres' days (${f.events} events) at once`,
          `${f.eventsPerSecond} events/s (${ms(f.ingestMs)})`,
          'keeps up with the day',
          f.keepsUpTimes >= 1,
        ],
        ['… that is, faster than a province working day makes them', `×${f.keepsUpTimes}`, '', null],
        [`catch-up of one centre after a day offline (${f.catchUp.events} events)`, ms(f.catchUp.ms), '', null],
        [`province reports over the day (${f.tickets} tickets), slowest`, ms(f.reportMaxMs), '≤ 2 s', f.targets.met],
        ['by service: SQL / centre computeReport over loaded tickets', `${ms(f.sqlByServiceMs)} / ${ms(f.jsByServiceMs)}`, '', null],
        [`a month (${f.month.tickets} tickets) by centre and week`, ms(f.month.reportMs), '', null],
      ];
    },
  },
  {
    name: 'kiosk bundle',
    async run() {
      const f = await kioskBundle();
      return [['kiosk JS gzipped', `${f.kioskJsGzipKb} KB`, '≤ 60 KB', f.kioskJsGzipKb <= 60]];
    },
  },
  {
    name: 'wait estimate',
    async run() {
      const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
      return (await waitEstimate()).map(
        (f): Row => [
          `simulated Monday, ${f.centre} (${f.counters} counters, ${f.issued} tickets): called within the range shown / median abs. error`,
          `${pct(f.accuracy.withinRange)} / ${f.accuracy.medianAbsErrorMinutes?.toFixed(1) ?? '–'} min (later than shown ${pct(f.accuracy.lateShare)})`,
          '≥ 80 %',
          f.problems === 0 && f.accuracy.withinRange !== null && f.accuracy.withinRange >= 0.8,
        ],
      );
    },
  },
  {
    name: 'server memory',
    async run() {
      const f = await serverMemory();
      return [
        [
          `RSS idle → ${f.clients} clients + ${f.tickets} tickets`,
          `${f.rssIdleMb} → ${f.rssLoadedMb} MB`,
          '≤ 120 MB',
          f.rssLoadedMb <= 120,
        ],
      ];
    },
  },
];

/** Runs every benchmark one after another, prints the figures and writes docs/performance.md. */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: Array<[string, ...Row]> = [];
  for (const b of benches.filter((x) => only.length === 0 || only.some((o) => x.name.includes(o)))) {
    process.stdout.write(`\n== ${b.name}\n`);
    try {
      for (const r of await b.run()) {
        rows.push([b.name, ...r]);
        process.stdout.write(`  ${r[0]}: ${r[1]}${r[2] ? `  (target ${r[2]}: ${r[3] ? 'met' : 'NOT met'})` : ''}\n`);
      }
    } catch (e) {
      rows.push([b.name, 'failed to run', String(e), '', false]);
      process.stdout.write(`  failed: ${String(e)}\n`);
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const table = rows.map(([b, m, f, t, met]) => `| ${b} | ${m} | ${f} | ${t} | ${met === null ? '' : met ? 'yes' : '**no**'} |`);
  const doc = [
    '# Performance',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}.`,
    'Clients run in the same process as the server unless noted, so latencies include their work too.',
    `Server memory and backup and restore are the exceptions: the server runs alone in its own process, exactly as`,
    `\`npm start\` runs it (\`node ${startNodeArgs().join(' ')}\`), and its RSS is read from /proc (for backup and`,
    'restore, the peak (VmHWM) of each step; the event-loop stall is measured inside the server, `bench/support/loop-monitor.mjs`).',
    'The anonymous flood runs the server, the flooder (`bench/support/flooder.mjs`) and the timing client each in its own process,',
    'on the same machine: the flooder competes with the server for its cores, which a phone on the Wi-Fi does not.',
    '',
    '| benchmark | measure | figure | target | met |',
    '|---|---|---|---|---|',
    ...table,
    '',
  ].join('\n');
  if (only.length === 0) await writeFile(join(import.meta.dirname, '../docs/performance.md'), doc);
  process.stdout.write(`\n${doc}`);
}

await main();
process.exit(0);
