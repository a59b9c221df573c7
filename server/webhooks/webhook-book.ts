import { randomUUID } from 'node:crypto';
import { appendFile, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { DeliveryView, WebhookEventType, WebhookView } from '../../protocol/webhooks.ts';
import { newWebhookSecret } from './webhook-post.ts';

/** A centre's webhook as stored: with its secret and how far along the journal it has delivered. */
export interface StoredWebhook extends WebhookView {
  secret: string;
  /** The last journal event handled (delivered, or given up on); deliveries start after it. */
  cursor: { day: string; seq: number };
}

interface WebhookData {
  version: 1;
  webhooks: StoredWebhook[];
}

/** The delivery log keeps this many entries in memory; the file keeps more until it is rotated. */
const logKept = 500;
const logRotateBytes = 5 * 1024 * 1024;

/**
 * A centre's webhooks (`<dataDir>/webhooks.json`, lowdb) and their delivery log
 * (`<dataDir>/webhook-log.jsonl`, one line per delivery outcome, rotated at 5 MB).
 */
export class WebhookBook {
  private readonly recent: DeliveryView[] = [];

  private constructor(
    private readonly db: Low<WebhookData>,
    private readonly logPath: string,
  ) {}

  static async open(dataDir: string): Promise<WebhookBook> {
    const db = new Low<WebhookData>(new JSONFile(join(dataDir, 'webhooks.json')), { version: 1, webhooks: [] });
    await db.read();
    db.data ??= { version: 1, webhooks: [] };
    const book = new WebhookBook(db, join(dataDir, 'webhook-log.jsonl'));
    const text = await readFile(book.logPath, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(-logKept - 1)) {
      try {
        if (line) book.recent.unshift(JSON.parse(line) as DeliveryView);
      } catch {
        // A line cut by a power failure: the log is for people, the next line is fine.
      }
    }
    return book;
  }

  list(): StoredWebhook[] {
    return this.db.data.webhooks;
  }

  views(): WebhookView[] {
    return this.db.data.webhooks.map(({ secret: _s, cursor: _c, ...view }) => view);
  }

  /** A new webhook, delivering from the journal's head on: it is told what happens from now. */
  async create(
    input: { url: string; events: WebhookEventType[]; description: string },
    head: { day: string; seq: number },
    now: number,
  ): Promise<{ webhook: WebhookView; secret: string }> {
    const hook: StoredWebhook = {
      id: randomUUID(),
      url: input.url,
      events: input.events,
      centreCode: null,
      description: input.description,
      createdAt: now,
      disabledAt: null,
      secret: newWebhookSecret(),
      cursor: head,
    };
    this.db.data.webhooks.push(hook);
    await this.db.write();
    const { secret, cursor: _c, ...webhook } = hook;
    return { webhook, secret };
  }

  async disable(id: string, now: number): Promise<boolean> {
    const hook = this.db.data.webhooks.find((w) => w.id === id && w.disabledAt === null);
    if (!hook) return false;
    hook.disabledAt = now;
    await this.db.write();
    return true;
  }

  async advance(id: string, cursor: { day: string; seq: number }): Promise<void> {
    const hook = this.db.data.webhooks.find((w) => w.id === id);
    if (!hook) return;
    hook.cursor = cursor;
    await this.db.write();
  }

  /** Records a delivery's outcome (a final one, or an attempt that will be retried). */
  async log(entry: DeliveryView): Promise<void> {
    const at = this.recent.findIndex((d) => d.id === entry.id);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.unshift(entry);
    this.recent.length = Math.min(this.recent.length, logKept);
    const size = (await stat(this.logPath).catch(() => null))?.size ?? 0;
    if (size > logRotateBytes) await rename(this.logPath, `${this.logPath}.1`);
    await appendFile(this.logPath, `${JSON.stringify(entry)}\n`);
  }

  deliveries(limit: number): DeliveryView[] {
    return this.recent.slice(0, limit);
  }
}
