/**
 * Everything the kiosk shows that comes from the server: the procedure catalogue (fetched,
 * then searched locally on every keystroke) and the live KioskSnapshot (services open or not,
 * waiting, printer), re-subscribed on every reconnect so a kiosk heals after an outage.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Connection } from '../../client/connection.ts';
import { useConnectionState } from '../../client/use-connection.ts';
import type { Catalogue } from '../../protocol/catalogue.ts';
import type { KioskSnapshot } from '../../protocol/views.ts';
import { buildSearchIndex, type SearchIndex } from '../../client/search/catalogue-search.ts';
import { request } from '../../client/http-api.ts';

export interface KioskData {
  catalogue: Catalogue | null;
  /** The last catalogue request failed; it is retried on its own. */
  catalogueFailed: boolean;
  index: SearchIndex | null;
  snapshot: KioskSnapshot | null;
  /** The centre's time zone, for "come back at 07:00 tomorrow". */
  timeZone: string;
  /** Commands can be sent now. */
  online: boolean;
  /** The connection was lost (not merely still being made): the kiosk says so. */
  offline: boolean;
  /** The server's clock now: tests and badly set kiosk clocks must not change what "tomorrow" means. */
  serverNow(): number;
}

const retryMs = 5000;
const defaultTimeZone = 'Asia/Ho_Chi_Minh';

/** @param onUnpaired called when the server no longer knows this kiosk's token (revoked device). */
export function useKioskData(connection: Connection, onUnpaired: () => void): KioskData {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [catalogueFailed, setCatalogueFailed] = useState(false);
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const [snapshot, setSnapshot] = useState<{ view: KioskSnapshot; receivedAt: number } | null>(null);
  const state = useConnectionState(connection);
  // Callers pass a fresh closure each render; the subscription must not restart for it.
  const unpaired = useRef(onUnpaired);
  unpaired.current = onUnpaired;

  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = async () => {
      clearTimeout(retry);
      const [cat, site] = await Promise.all([request({}, 'catalogue'), request({}, 'site')]);
      if (stopped) return;
      if (cat.ok) setCatalogue(cat.value);
      if (site.ok) setTimeZone(site.value.centre.timeZone);
      setCatalogueFailed(!cat.ok);
      if (!cat.ok || !site.ok) retry = setTimeout(load, retryMs);
    };
    // Every reconnect may follow a server restart with a newly imported catalogue.
    const offOnline = connection.onOnline(() => void load());
    if (!connection.socket.connected) void load();
    return () => {
      stopped = true;
      clearTimeout(retry);
      offOnline();
    };
  }, [connection]);

  useEffect(() => {
    const receive = (view: KioskSnapshot) => setSnapshot({ view, receivedAt: Date.now() });
    connection.socket.on('kiosk:snapshot', receive);
    const offOnline = connection.onOnline(async () => {
      const r = await connection.command('kiosk:subscribe');
      if (r.ok) receive(r.value);
      else if (r.error.code === 'unauthenticated' || r.error.code === 'forbidden') unpaired.current();
    });
    return () => {
      connection.socket.off('kiosk:snapshot', receive);
      offOnline();
    };
  }, [connection]);

  const index = useMemo(() => (catalogue ? buildSearchIndex(catalogue) : null), [catalogue]);
  return {
    catalogue,
    catalogueFailed,
    index,
    snapshot: snapshot?.view ?? null,
    timeZone,
    online: state === 'online',
    offline: state === 'offline',
    serverNow: () => (snapshot ? snapshot.view.serverTime + (Date.now() - snapshot.receivedAt) : Date.now()),
  };
}
