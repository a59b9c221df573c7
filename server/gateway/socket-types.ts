import type { Namespace, Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events.ts';
import type { Principal } from '../auth/principal.ts';
import type { Lang } from '../i18n.ts';
import type { BrowserApp } from '../../protocol/browser-apps.ts';
import type { BoardVoiceReport } from '../../protocol/voice/board-report.ts';

export interface SocketData {
  principal: Principal;
  /** The session token a signed-in person connected with, checked until it ends (see `session-sweep.ts`). */
  session: string | null;
  /** The browser app whose cookie this connection authenticated with (null: a handshake token, or none). */
  cookieApp: BrowserApp | null;
  lang: Lang;
  /** Where the connection comes from (through trusted proxies), for the limits. */
  address: string;
  /** Events refused by the budgets since the last one let through. */
  refusedInRow: number;
  /** The counter this connection is signed in to (clerks), if any. */
  counterId: number | null;
  /** The console it is, as its tab told the server at join (else the connection's own id). */
  consoleId: string | null;
  /** Tickets this connection follows (a phone follows its own). */
  following: Set<string>;
  /** When the connection was made. */
  connectedAt: number;
  /** A board's last report about its sound (`display:voice`), and when it came. */
  voice: { report: BoardVoiceReport; at: number } | null;
}

export type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type GatewayNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
