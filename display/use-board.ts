/**
 * Keeps a board in step with the server: subscribes on every (re)connect so the snapshot heals
 * whatever was missed, applies live calls at once, and hands each new call to the voice.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Connection } from '../client/connection.ts';
import type { CallView, DisplaySnapshot } from '../protocol/views.ts';
import { filterSnapshot, showsCall } from './board-filter.ts';
import { subscription, type BoardRoute } from './board-route.ts';
import { applyCall, applySnapshot, initialBoardState, type BoardState, type BoardUpdate } from './board-state.ts';
import type { BoardVoice } from './board-voice.ts';
import { loadSiteInfo, type SiteInfo } from './site-info.ts';

/** What a board renders. */
export interface BoardModel {
  state: BoardState;
  site: SiteInfo | null;
  /** Add to `Date.now()` for the server's time (the clock shows the centre's time, not this PC's). */
  clockOffsetMs: number;
}

/** Subscribes `connection` for `route` and returns the live board. */
export function useBoard(connection: Connection, route: BoardRoute, voice: BoardVoice | null): BoardModel {
  const current = useRef<BoardState>(initialBoardState);
  const [state, setState] = useState<BoardState>(initialBoardState);
  const [site, setSite] = useState<SiteInfo | null>(null);
  const [clockOffsetMs, setClockOffset] = useState(0);

  useEffect(() => {
    // The config version whose site info was last asked for, so a push refetches once per change.
    let requested: string | null = null;
    // Only the newest request applies: an older answer arriving late would bring back old settings.
    let latest = 0;
    const refreshSite = (): void => {
      const request = ++latest;
      void loadSiteInfo(route.lang).then(async (info) => {
        if (!info || request !== latest) return;
        if (info.announcement && voice) await voice.configure(info.announcement, info.voicePack);
        if (request === latest) setSite(info);
      });
    };
    const update = ({ state: next, announce }: BoardUpdate): void => {
      current.current = next;
      setState(next);
      for (const call of announce) voice?.speak(call);
    };
    const onSnapshot = (snapshot: DisplaySnapshot): void => {
      setClockOffset(snapshot.serverTime - Date.now());
      if (requested !== null && snapshot.configVersion !== requested) {
        requested = snapshot.configVersion;
        refreshSite();
      }
      update(applySnapshot(current.current, filterSnapshot(route.filter, snapshot)));
    };
    const onCall = (call: CallView): void => {
      if (showsCall(route.filter, call)) update(applyCall(current.current, call));
    };
    connection.socket.on('display:snapshot', onSnapshot);
    connection.socket.on('ticket:called', onCall);
    const offOnline = connection.onOnline(() => {
      void connection.command('display:subscribe', subscription(route.filter)).then((result) => {
        if (!result.ok) return;
        requested = result.value.configVersion;
        onSnapshot(result.value);
      });
      // Re-read on reconnect too: the centre may have changed its settings while the board was away.
      refreshSite();
    });
    return () => {
      offOnline();
      connection.socket.off('display:snapshot', onSnapshot);
      connection.socket.off('ticket:called', onCall);
    };
  }, [connection, route, voice]);

  return { state, site, clockOffsetMs };
}
