import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookDelivery } from '../../protocol/webhooks.ts';
import { verifyWebhook } from '../../server/webhooks/webhook-signature.ts';

/** One request the receiver got. */
export interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  body: WebhookDelivery;
  /** What the receiver answered. */
  status: number;
}

/**
 * An integrator's endpoint: a real HTTP server that records every webhook request and answers
 * with the statuses it is told to (one per request, then 200).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly answers: number[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const status = receiver!.answers.shift() ?? 200;
        receiver!.received.push({ headers: req.headers, raw, body: JSON.parse(raw) as WebhookDelivery, status });
        res.writeHead(status).end();
      });
    });
    receiver = new WebhookReceiver(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** The next requests are answered with these statuses. */
  answerNext(...statuses: number[]): void {
    this.answers.push(...statuses);
  }

  /** Whether a request carries a valid signature for `secret`, checked at `nowMs` (the sender's clock). */
  signedWith(r: Received, secret: string, nowMs = Date.now()): boolean {
    return verifyWebhook(secret, r.raw, String(r.headers['x-motcua-signature']), Math.floor(nowMs / 1000));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
