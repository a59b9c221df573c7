import * as v from 'valibot';
// The same rules the display's voice library parses its settings with, so the server refuses
// exactly the settings a display would refuse.
import { voiceConfigSchema } from './voice/voice-config.ts';
import { LimitsSchema } from './limits.ts';

/** `HH:MM`, 24-hour, local time of the centre. */
const ClockTime = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'));
/** `YYYY-MM-DD`, a local calendar day. */
export const LocalDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'expected a short lowercase id'));
const Text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const Translated = v.object({ vi: Text, en: Text });

const Session = v.pipe(
  v.tuple([ClockTime, ClockTime]),
  v.check(([from, to]) => from < to, 'a session must end after it starts'),
);
const DaySessions = v.array(Session);

/** Working sessions per weekday; a day with no sessions is closed. */
export const WeekScheduleSchema = v.object({
  mon: DaySessions,
  tue: DaySessions,
  wed: DaySessions,
  thu: DaySessions,
  fri: DaySessions,
  sat: DaySessions,
  sun: DaySessions,
});

export const PriorityRuleSchema = v.variant('kind', [
  v.object({ kind: v.literal('strict') }),
  /** `priorityCalls` priority calls, then one normal call. */
  v.object({ kind: v.literal('ratio'), priorityCalls: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)) }),
]);

export const ServiceConfigSchema = v.pipe(
  v.object({
    id: Id,
    /** Short code shown to staff and used by call buttons (`TRANSFER,<code>`). */
    code: v.pipe(v.string(), v.regex(/^[A-Z0-9]{1,6}$/, 'expected 1–6 capital letters or digits')),
    name: Translated,
    /** Letter prefix printed before the number, e.g. `A` → `A001`. */
    prefix: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{0,2}$/, 'expected up to 2 capital letters')), ''),
    numberStart: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99_999)),
    numberEnd: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99_999)),
    /** Zero-pad numbers to this many digits (`3` → `007`); 0 prints them as they are. */
    pad: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)), 0),
    /** Most tickets a day; defaults to the size of the number range. */
    dailyQuota: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    /** No tickets after this local time. Defaults to 30 minutes before the day's last session ends. */
    cutoff: v.optional(ClockTime),
    /** Typical minutes at the counter, for wait estimates until there are enough recent ones; defaults to the centre's. */
    serviceMinutes: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(240))),
    /** Overrides the centre's week schedule for this service. */
    hours: v.optional(WeekScheduleSchema),
    enabled: v.optional(v.boolean(), true),
  }),
  v.check((s) => s.numberStart <= s.numberEnd, 'numberStart must not exceed numberEnd'),
);

export const CounterConfigSchema = v.object({
  /** The counter number people see ("quầy số 3"), 1–99 as on call buttons. */
  id: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(99)),
  name: Translated,
  /** Services in calling order (mode `order`) or with weights (mode `weight`). */
  services: v.pipe(
    v.array(v.object({ serviceId: Id, weight: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 1) })),
    v.minLength(1, 'a counter serves at least one service'),
  ),
  mode: v.optional(v.picklist(['order', 'weight']), 'order'),
});

/** One serial line with the call buttons of one or more counters on it. */
export const ButtonLineSchema = v.object({
  /** The serial device, e.g. `/dev/ttyUSB1`. */
  path: v.pipe(v.string(), v.minLength(1)),
  /** Defaults to 9600. */
  baudRate: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1200), v.maxValue(921_600))),
  /** The counters whose buttons hang on this line; presses for others are refused. */
  counters: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(99))), v.minLength(1)),
});

const Weekday = v.picklist(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** A day off the government or the centre announced: the rest of Tết, a swapped day, a compensatory day. */
export const CalendarDayOffSchema = v.object({
  day: LocalDay,
  /** What the kiosk says it is; without one it says "day off". */
  name: v.optional(Translated),
});

/** A make-up working day (làm bù), usually a Saturday, with the hours of the weekday it stands for. */
export const CalendarWorkingDaySchema = v.object({
  day: LocalDay,
  name: v.optional(Translated),
  /** Opens with this weekday's hours (the centre's and each service's). Defaults to Monday. */
  worksAs: v.optional(Weekday, 'mon'),
});

/**
 * One year of the centre's calendar as announced by the government. The statutory days that
 * are always off (1/1, mùng 1–3 Tết, Giỗ Tổ, 30/4, 1/5, 2/9) are computed and need no entry.
 */
export const CalendarYearSchema = v.pipe(
  v.object({
    year: v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2199)),
    /** Set once an admin has checked the year against the government's announcement. */
    confirmed: v.optional(v.boolean(), false),
    /** Where the schedule comes from, or what is still to be announced. */
    note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500)), ''),
    daysOff: v.optional(v.pipe(v.array(CalendarDayOffSchema), v.maxLength(60)), []),
    workingDays: v.optional(v.pipe(v.array(CalendarWorkingDaySchema), v.maxLength(30)), []),
  }),
  v.check(
    (y) => [...y.daysOff, ...y.workingDays].every((d) => Number(d.day.slice(0, 4)) === y.year),
    'every day of a calendar year must fall in that year',
  ),
  v.check((y) => unique([...y.daysOff, ...y.workingDays].map((d) => d.day)), 'a day is listed twice in a calendar year'),
);

export const PriorityGroupSchema = v.object({ id: Id, name: Translated });

export const CentreConfigSchema = v.object({
  name: Translated,
  level: v.picklist(['province', 'commune']),
  address: v.optional(v.string(), ''),
  hotline: v.optional(v.string(), ''),
  timeZone: v.optional(v.pipe(v.string(), v.check(isTimeZone, 'unknown time zone')), 'Asia/Ho_Chi_Minh'),
  hours: WeekScheduleSchema,
  /** Further days the centre closes, without a name (a local closure); the kiosk calls them "day off". */
  holidays: v.optional(v.array(LocalDay), []),
  /** The government's schedule per year: named days off and make-up working days (see docs/calendar.md). */
  calendar: v.optional(
    v.pipe(
      v.array(CalendarYearSchema),
      v.check((years) => unique(years.map((y) => y.year)), 'a calendar year is listed twice'),
    ),
    [],
  ),
  /** Closed on Viet Nam's statutory holidays, computed for every year; only a demo turns this off. */
  nationalHolidays: v.optional(v.boolean(), true),
  /** Tickets can be taken this many minutes before the first session of the day. */
  issueOpensMinutesBefore: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240)), 30),
  priorityRule: v.optional(PriorityRuleSchema, { kind: 'ratio', priorityCalls: 2 }),
  /** A normal ticket waiting this long is called like a priority one; 0 turns ageing off. */
  agingMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600)), 45),
  priorityGroups: v.optional(v.array(PriorityGroupSchema), []),
  /** Whether the kiosk may issue priority tickets, or only staff. */
  kioskMayIssuePriority: v.optional(v.boolean(), true),
  maxRecalls: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)), 3),
  /** A transferred ticket keeps its original arrival time (true) or joins the back (false). */
  transferKeepsArrival: v.optional(v.boolean(), true),
  targetWaitMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)), 15),
  /** Satisfaction at the counter: three faces (the usual scale) or five stars. */
  ratingScale: v.optional(v.picklist([3, 5]), 3),
  /** Used for wait estimates until a service has its own recent service times. */
  defaultServiceMinutes: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(240)), 10),
  /** Short notices scrolled along the bottom of the lobby call boards (opening hours, closures). */
  notices: v.optional(v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300))), v.maxLength(20)), []),
  /** A line printed at the foot of every paper ticket; empty prints the hotline instead. */
  ticketFooter: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120)), ''),
  /** How the call boards announce a call (wording, voice, repeats, volume); defaults to the voice library's. */
  announcement: v.optional(voiceConfigSchema, {}),
});

export const SiteConfigSchema = v.pipe(
  v.object({
    version: v.literal(1),
    centre: CentreConfigSchema,
    services: v.pipe(v.array(ServiceConfigSchema), v.minLength(1)),
    counters: v.array(CounterConfigSchema),
    limits: v.optional(LimitsSchema, {}),
    /** Runtime settings a flag or `MOTCUA_*` variable may override (see server/config.ts). */
    server: v.optional(
      v.object({
        port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535))),
        host: v.optional(v.string()),
        publicUrl: v.optional(v.pipe(v.string(), v.url())),
        /**
         * The first ticket printer, on a centre's first start only (`/dev/ttyUSB0`, `/dev/usb/lp0`,
         * `tcp://10.0.0.5:9100`); after that printers are set up in Admin → Máy in (`printers.json`).
         */
        printer: v.optional(v.string()),
        /** Serial lines of counter call buttons (the motcua line protocol, docs/call-buttons.md). */
        buttons: v.optional(v.array(ButtonLineSchema)),
        /** HTTPS: the certificate chain and its private key, PEM files (both or neither). */
        tlsCert: v.optional(v.pipe(v.string(), v.minLength(1))),
        tlsKey: v.optional(v.pipe(v.string(), v.minLength(1))),
        /** Reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed: addresses or CIDR ranges. */
        trustedProxies: v.optional(v.array(v.pipe(v.string(), v.check(isAddressOrRange, 'expected an IP address or CIDR range')))),
        /** The province hub, as `--hub` and `--centre-code` give it (docs/hub.md). */
        hub: v.optional(
          v.object({
            url: v.pipe(v.string(), v.url()),
            centreCode: v.pipe(v.string(), v.minLength(2), v.maxLength(32)),
            /** Events per request when shipping the journal; defaults to 500. */
            batchEvents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
            /** Seconds between status reports to the hub; defaults to 15. */
            statusSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3600))),
          }),
        ),
      }),
    ),
  }),
  v.check((c) => unique(c.services.map((s) => s.id)), 'service ids must be unique'),
  v.check((c) => unique(c.services.map((s) => s.code)), 'service codes must be unique'),
  v.check((c) => unique(c.counters.map((k) => k.id)), 'counter numbers must be unique'),
  v.check(
    (c) => c.counters.every((k) => k.services.every((s) => c.services.some((x) => x.id === s.serviceId))),
    'a counter names a service that does not exist',
  ),
  v.check(
    (c) => (c.server?.buttons ?? []).every((b) => b.counters.every((n) => c.counters.some((k) => k.id === n))),
    'a call-button line names a counter that does not exist',
  ),
);

export type WeekSchedule = v.InferOutput<typeof WeekScheduleSchema>;
export type CalendarYear = v.InferOutput<typeof CalendarYearSchema>;
export type CalendarYearInput = v.InferInput<typeof CalendarYearSchema>;
export type WeekdayKey = v.InferOutput<typeof Weekday>;
export type PriorityRule = v.InferOutput<typeof PriorityRuleSchema>;
export type ServiceConfig = v.InferOutput<typeof ServiceConfigSchema>;
export type CounterConfig = v.InferOutput<typeof CounterConfigSchema>;
export type CentreConfig = v.InferOutput<typeof CentreConfigSchema>;
export type SiteConfig = v.InferOutput<typeof SiteConfigSchema>;
export type ButtonLineConfig = v.InferOutput<typeof ButtonLineSchema>;
/** The site config as written in a file, before defaults are filled in. */
export type SiteConfigInput = v.InferInput<typeof SiteConfigSchema>;

function unique(values: readonly unknown[]): boolean {
  return new Set(values).size === values.length;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `192.168.1.10`, `10.0.0.0/8`, `::1`, `fd00::/8`: what a trusted-proxy entry may be. */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : 0;
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

function isIPv4(address: string): boolean {
  return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(address);
}

/** Eight groups of hex digits, `::` standing for one run of zero groups, the last two may be an IPv4 address. */
function isIPv6(address: string): boolean {
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups.at(-1) ?? '';
  const v4Tail = last.includes('.');
  if (v4Tail && !isIPv4(last)) return false;
  const hex = v4Tail ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = hex.length + (v4Tail ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}
