/**
 * `npm run simulate`: a realistic working day through the real server, on an accelerated clock.
 * Prints progress and the end-of-day report; exits 1 when the server lost or duplicated a
 * number or its figures disagree with what the simulator did.
 *
 *   npm run simulate -- --speed 120 --tickets 400 --counters 8 --seed 7 --keep
 *
 * Without --tickets, a counter gets about as many citizens as a clerk serves in a day (45).
 */
import { parseArgs } from 'node:util';
import { addDays, localDay, weekdayOf } from '../server/core/local-time.ts';
import { configureLogging } from '../server/log.ts';
import { reportLines } from './simulation/report-text.ts';
import { runDaySimulation } from './simulation/run-day.ts';

const { values } = parseArgs({
  options: {
    speed: { type: 'string', default: '60' },
    tickets: { type: 'string' },
    counters: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    date: { type: 'string' },
    'data-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const positive = (name: string, text: string, max = Infinity): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > max)
    throw new Error(`--${name} must be a positive number${max < Infinity ? ` up to ${max}` : ''}`);
  return n;
};

/** The next Monday after today in Vietnam. */
function nextMonday(): string {
  let day = addDays(localDay(Date.now(), 'Asia/Ho_Chi_Minh'), 1);
  while (weekdayOf(day) !== 1) day = addDays(day, 1);
  return day;
}

/** About what one clerk serves in a working day at the sample centre's service times. */
const TICKETS_PER_COUNTER = 45;

const date = values.date ?? nextMonday();
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('--date must be YYYY-MM-DD');
const counters = Math.round(positive('counters', values.counters, 99));
configureLogging({ level: 'error' });
const result = await runDaySimulation({
  date,
  speed: positive('speed', values.speed),
  tickets: Math.round(positive('tickets', values.tickets ?? String(counters * TICKETS_PER_COUNTER), 20_000)),
  counters,
  seed: Math.round(positive('seed', values.seed)),
  ...(values['data-dir'] && { dataDir: values['data-dir'] }),
  keep: values.keep || Boolean(values['data-dir']),
  onProgress: (line) => console.log(line),
});
console.log('');
for (const line of reportLines(result.report)) console.log(line);
if (values.keep || values['data-dir']) {
  console.log(`\nThe day's data is in ${result.dataDir}. Open it with:\n  npm start -- --data-dir ${result.dataDir}`);
  console.log(`then sign in to /admin/ as admin / simulator-password-1 and open the reports for ${result.report.day}.`);
}
process.exitCode = result.report.problems.length ? 1 : 0;
