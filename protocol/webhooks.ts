import * as v from 'valibot';

/**
 * Webhooks: a centre and the hub each POST signed JSON to the addresses an integrator gives
 * (SMS and Zalo senders, the provincial one-stop system). The body is a {@link WebhookDelivery};
 * the headers carry its signature (docs/integration.md says how to check it).
 */
export const webhookEventTypes = [
  'ticket.issued',
  'ticket.called',
  'ticket.finished',
  'ticket.no_show',
  'ticket.rated',
  'centre.status',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Header names; the signature is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const webhookHeaders = {
  signature: 'x-motcua-signature',
  event: 'x-motcua-event',
  delivery: 'x-motcua-delivery',
} as const;

export const NewWebhookPayload = v.strictObject({
  url: v.pipe(v.string(), v.trim(), v.url(), v.regex(/^https?:\/\//, 'expected an http(s) address'), v.maxLength(500)),
  events: v.pipe(
    v.array(v.picklist(webhookEventTypes)),
    v.minLength(1),
    v.check((e) => new Set(e).size === e.length, 'each event once'),
  ),
  /** At the hub: only this centre's events; absent: every centre's. Ignored at a centre. */
  centreCode: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(32)))),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120)), ''),
});

/** A ticket as webhooks describe it: no personal data, as on the public board. */
export interface WebhookTicket {
  id: string;
  label: string;
  serviceId: string;
  counterId: number | null;
  status: string;
  priority: boolean;
  procedureCode: string | null;
  issuedAt: number;
  calledAt: number | null;
  endedAt: number | null;
  rating: { level: number; scale: 3 | 5 } | null;
}

/** The centre's state in a `centre.status` delivery. */
export interface WebhookCentreStatus {
  open: boolean;
  countersOpen: number;
  waiting: number;
  longestWaitMinutes: number;
  /** Problems a technician should see to: `printer.paper_out`, `boards.sound_off`, `link.lost`… */
  problems: string[];
}

/** The body of every webhook request. */
export interface WebhookDelivery {
  /** Unique per event: `<centre>:<day>:<seq>` for ticket events; receivers drop repeats by it. */
  id: string;
  type: WebhookEventType;
  /** When it happened at the centre (epoch ms). */
  occurredAt: number;
  centre: { code: string; name: string };
  ticket?: WebhookTicket;
  status?: WebhookCentreStatus;
}

/** A webhook as the admin pages list it; the secret is shown once, when it is made. */
export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEventType[];
  centreCode: string | null;
  description: string;
  createdAt: number;
  disabledAt: number | null;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One delivery in the log: every attempt's outcome is kept in `attempts` and `last*`. */
export interface DeliveryView {
  id: string;
  webhookId: string;
  eventId: string;
  type: WebhookEventType;
  state: DeliveryState;
  attempts: number;
  createdAt: number;
  lastAttemptAt: number | null;
  /** The receiver's HTTP status of the last attempt, null when it could not be reached. */
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: number | null;
}
