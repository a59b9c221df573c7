import type { Result } from '../result.ts';
import type { HubSnapshot } from './centres.ts';

/** The hub's Socket.IO contract: the status board subscribes and is pushed each change. */
export interface HubClientToServerEvents {
  /** Signed-in people: join the board; a centre manager sees only their centre. */
  'hub:subscribe': (ack: (result: Result<HubSnapshot>) => void) => void;
}

export interface HubServerToClientEvents {
  'hub:snapshot': (snapshot: HubSnapshot) => void;
}
