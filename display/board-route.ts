/**
 * What a display shows, read from its address. A technician sets the address once per screen
 * (a lobby board, a counter-top board, or one hall's subset), so a mistake is shown on the
 * screen instead of silently showing everything.
 */
import * as v from 'valibot';
import { DisplaySubscribePayload } from '../protocol/commands.ts';
import type { Lang } from '../client/i18n.ts';

/** Which calls, counters and services a board shows; `null` means all of them. */
export interface BoardFilter {
  services: readonly string[] | null;
  counters: readonly number[] | null;
}

/** Where the voice goes: the speakers, or (for tests) a recorder in `window.__motcuaAudio`. */
export type AudioOutput = 'web-audio' | 'record';

/** A board's settings, from its path and query. */
export interface BoardRoute {
  /** `lobby`: the wall board; `counter`: the small board above one counter. */
  kind: 'lobby' | 'counter';
  /** The counter of a counter-top board. */
  counterId: number | null;
  filter: BoardFilter;
  /** Extra notices for the ticker, besides the centre's own. */
  notices: string[];
  lang: Lang;
  /** Whether this board speaks the calls. Lobby boards do by default; counter-top boards do not. */
  voice: boolean;
  audioOutput: AudioOutput;
}

/** A query or path value the board cannot use, named for the on-screen message. */
export interface RouteProblem {
  param: string;
}

const CounterNumber = v.pipe(v.string(), v.regex(/^\d{1,2}$/), v.transform(Number), v.minValue(1), v.maxValue(99));
const Notice = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300));

const list = (value: string | null): string[] | null =>
  value === null
    ? null
    : value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '');

/** Reads a display's path (`/display/`, `/display/counter/3`) and query into its settings. */
export function parseBoardRoute(pathname: string, search: string): { ok: true; route: BoardRoute } | { ok: false; problem: RouteProblem } {
  const query = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '').replace(/\/index\.html$/, '');
  let kind: BoardRoute['kind'] = 'lobby';
  let counterId: number | null = null;
  if (path !== '/display') {
    const match = /^\/display\/counter\/([^/]+)$/.exec(path);
    const counter = match ? v.safeParse(CounterNumber, match[1]) : null;
    if (!counter?.success) return { ok: false, problem: { param: 'counter' } };
    kind = 'counter';
    counterId = counter.output;
  }

  const services = list(query.get('services'));
  const counterList = list(query.get('counters'));
  const counters = counterList?.map((part) => v.safeParse(CounterNumber, part)) ?? null;
  if (counters?.some((c) => !c.success)) return { ok: false, problem: { param: 'counters' } };
  const filter: BoardFilter = {
    services,
    counters: counterId !== null ? [counterId] : (counters?.map((c) => c.output as number) ?? null),
  };
  // The same schema the server applies to the subscription, so the board never sends what it refuses.
  const payload = { ...(filter.services && { services: filter.services }), ...(filter.counters && { counters: filter.counters }) };
  if (!v.safeParse(DisplaySubscribePayload, payload).success)
    return { ok: false, problem: { param: filter.services ? 'services' : 'counters' } };

  const notices = (query.get('notices') ?? '').split('|').flatMap((text) => {
    const notice = v.safeParse(Notice, text);
    return notice.success ? [notice.output] : [];
  });
  const voice = query.get('voice');
  return {
    ok: true,
    route: {
      kind,
      counterId,
      filter,
      notices,
      lang: query.get('lang') === 'en' ? 'en' : 'vi',
      voice: voice === null ? kind === 'lobby' : voice === 'on',
      audioOutput: query.get('audioSink') === 'record' ? 'record' : 'web-audio',
    },
  };
}

/** The `display:subscribe` payload for a filter. */
export function subscription(filter: BoardFilter): { services?: string[]; counters?: number[] } {
  return {
    ...(filter.services && { services: [...filter.services] }),
    ...(filter.counters && { counters: [...filter.counters] }),
  };
}
