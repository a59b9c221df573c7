import { useEffect, useState } from 'preact/hooks';
import type { Connection, ConnectionState } from './connection.ts';

/** The connection's state as a Preact hook, for the "disconnected" banner every screen shows. */
export function useConnectionState(connection: Connection): ConnectionState {
  const [state, setState] = useState(connection.state());
  useEffect(() => connection.onState(setState), [connection]);
  return state;
}
