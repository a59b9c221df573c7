import { useEffect, useState } from 'preact/hooks';
import type { Connection, ConnectionState } from './connection.ts';

/** The connection's state as a Preact hook, for the "disconnected" banner every screen shows. */
export function useConnectionState(connection: Pick<Connection, 'state' | 'onState'>): ConnectionState {
  const [state, setState] = useState(connection.state());
  useEffect(() => {
    const off = connection.onState(setState);
    // The state may have changed between the render and this effect (a socket that connected
    // meanwhile): without this the screen stayed "connecting" with its buttons disabled.
    setState(connection.state());
    return off;
  }, [connection]);
  return state;
}
