import type { CalendarYear } from './site-config.ts';
import type { HolidayKey } from './views.ts';

/**
 * What the admin app reads besides the live snapshot: the audit log, staff accounts, connected
 * devices and a year of the centre calendar. The printers' views are in `printers.ts`.
 */
import type { BoardHealthView } from './voice/board-report.ts';

/** A staff account as `GET /api/users` lists it (never the password hash). */
export interface UserAccountView {
  id: string;
  username: string;
  name: string;
  role: 'clerk' | 'admin';
  /** Counters the user may sign in to; empty means any. */
  counters: number[];
  createdAt: number;
  /** A disabled account cannot sign in and has no sessions. */
  disabled: boolean;
}

/** One audited change: who, when, what. `action` is an i18next key of the `admin` namespace (`audit.<action>`). */
export interface AuditEntry {
  at: number;
  actor: { id: string; username: string; name: string };
  action: string;
  /** What was changed: an id, a name, a count; shown beside the action. */
  subject: string;
  /** The values before and after, where there are any, for a closer look. */
  before?: unknown;
  after?: unknown;
}

/** A paired device or a signed-in person's connection as the device health view lists it. */
export interface ConnectionView {
  kind: 'kiosk' | 'display' | 'counter' | 'rating' | 'user' | 'public';
  /** Device id or user id; null for public connections (follow pages, unpaired displays). */
  id: string | null;
  name: string;
  connections: number;
  /** Rooms joined (display, kiosk, counter:3…): what the connection is showing. */
  rooms: string[];
}

export interface DeviceConnections {
  serverTime: number;
  /** Paired devices, connected or not; revoked devices are left out. */
  devices: Array<{
    id: string;
    kind: string;
    name: string;
    counterId: number | null;
    pairedAt: number;
    /** Its last request or connection (now, while connected); epoch ms. */
    lastContactAt: number;
    connections: number;
    rooms: string[];
  }>;
  /** Staff signed in over a socket (consoles, admin). */
  users: Array<{ id: string; name: string; connections: number; rooms: string[] }>;
  /** Connections without a token: follow pages on phones, unpaired screens. */
  publicConnections: number;
  /** Boards connected now (paired or not) and what each reports about its sound. */
  boards: BoardHealthView[];
}

/** One year of the centre calendar as the admin's calendar page shows it (`GET /api/calendar/:year`). */
export interface CalendarYearView {
  year: number;
  /** Always off, computed: no entry needed. */
  statutory: Array<{ day: string; holiday: HolidayKey }>;
  /** What the Labour Code's rules expect the government to add; `entered` once the year's entry has it. */
  proposals: Array<{ day: string; holiday: HolidayKey; reason: 'tet' | 'national_day' | 'compensatory'; entered: boolean }>;
  /** What an admin saved for the year; null before anyone did. */
  entry: CalendarYear | null;
}
