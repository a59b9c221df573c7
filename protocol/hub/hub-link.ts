import * as v from 'valibot';
import { JoinCode } from './centres.ts';

/** How a centre's box stands with its province hub, as its admin app shows it. */
export type HubLinkState = 'not_joined' | 'online' | 'offline' | 'revoked';

/** `GET /api/hub-link` at a centre. */
export interface HubLinkView {
  /** Null when the centre runs without a hub (no `--hub`). */
  hubUrl: string | null;
  centreCode: string | null;
  centreName: string | null;
  state: HubLinkState;
  joinedAt: number | null;
  lastContactAt: number | null;
  /**
   * The last failure, as an i18next key and its params: the hub's refusal (`hub:link.join_refused`),
   * or `admin:hub.unreachable` with the network's `detail`.
   */
  lastError: { code: string; params: Record<string, string | number> } | null;
  shipping: {
    pendingEvents: number;
    oldestPendingAt: number | null;
    lastShippedAt: number | null;
    blocked: { day: string; seq: number; code: string } | null;
  };
  catalogue: {
    version: number | null;
    appliedAt: number | null;
    /** Province procedures this centre has not put on one of its services yet. */
    unmapped: string[];
    /**
     * The last version the centre would not use, with how many problems it had on its own
     * (`published`) or once merged with the centre's own procedures (`merged`).
     */
    refused: { version: number; problems: number; stage: 'published' | 'merged' } | null;
  };
}

/** `POST /api/hub-link/join`: the join code the province admin made for this centre. */
export const HubJoinPayload = v.strictObject({ joinCode: JoinCode });
