import type { StatusReport } from '../../protocol/hub/centre-status.ts';
import type { JoinReceipt } from '../../protocol/hub/centres.ts';
import type { HubLinkState, HubLinkView } from '../../protocol/hub/hub-link.ts';
import type { HubLinkSettings } from '../config.ts';
import { logger } from '../log.ts';
import type { CataloguePull } from './catalogue-pull.ts';
import type { HubAnswer, HubClient } from './hub-client.ts';
import type { JournalShipper } from './journal-shipper.ts';
import type { LinkStore } from './link-store.ts';

const log = logger('hub-link');

export interface HubLinkParts {
  settings: HubLinkSettings;
  store: LinkStore;
  client: HubClient;
  shipper: JournalShipper;
  catalogue: CataloguePull;
  /** The centre's status and profile now, as the hub's board shows them. */
  report: () => StatusReport;
  clock: () => number;
  /** Defaults to every 15 s. */
  statusEveryMs?: number;
}

const maxBackoffMs = 30_000;

/**
 * A centre's link to its province hub. The queue never waits for it: the journal is shipped,
 * the status reported and the catalogue pulled in the background, and while the hub cannot be
 * reached the centre works on and catches up afterwards.
 */
export class HubLink {
  private state: HubLinkState = 'not_joined';
  private lastContactAt: number | null = null;
  private lastError: HubLinkView['lastError'] = null;
  private running = false;
  private wake: (() => void) | null = null;
  private reconnected: (() => void) | null = null;
  private dirty = false;
  private readonly sleepers = new Set<() => void>();
  private loops: Promise<void>[] = [];

  constructor(private readonly parts: HubLinkParts) {}

  /** Whether the stored token is for this hub and centre code. */
  private get joined(): boolean {
    const d = this.parts.store.data;
    return d.token !== null && d.hubUrl === this.parts.settings.url && d.centreCode === this.parts.settings.centreCode;
  }

  get token(): string | null {
    return this.joined ? this.parts.store.data.token : null;
  }

  async start(): Promise<void> {
    const d = this.parts.store.data;
    if (this.joined && d.revokedAt !== null) this.state = 'revoked';
    else if (this.joined) this.run();
    else if (this.parts.settings.joinCode) {
      const joined = await this.join(this.parts.settings.joinCode);
      if (!joined.ok) log.warn('joining the hub failed; an admin can join from the admin app', { error: this.lastError });
    }
  }

  /** Redeems a join code; on success the link starts at once. */
  async join(joinCode: string): Promise<HubAnswer<JoinReceipt>> {
    const got = await this.parts.client.call('join', { body: { centreCode: this.parts.settings.centreCode, joinCode } });
    if (!got.ok) {
      this.lastError = problemOf(got);
      return got;
    }
    const { settings, store, clock } = this.parts;
    await store.update((d) => {
      const sameHub = d.hubUrl === settings.url && d.centreCode === settings.centreCode;
      Object.assign(d, {
        hubUrl: settings.url,
        centreCode: settings.centreCode,
        centreName: got.value.centre.name,
        token: got.value.token,
        joinedAt: clock(),
        revokedAt: null,
        // Another hub (or another code) knows nothing of what the old one was sent or published.
        ...(!sameHub && { shippedDays: {}, catalogue: null }),
      });
    });
    log.info('joined the province hub', { hub: settings.url, centre: settings.centreCode });
    this.lastError = null;
    this.parts.shipper.resync();
    this.run();
    return got;
  }

  /** New durable events: ship them soon. */
  poke(): void {
    this.dirty = true;
    this.wake?.();
  }

  view(): HubLinkView {
    const d = this.parts.store.data;
    const { shipper, catalogue } = this.parts;
    return {
      hubUrl: this.parts.settings.url,
      centreCode: this.parts.settings.centreCode,
      centreName: this.joined ? d.centreName : null,
      state: this.state,
      joinedAt: this.joined ? d.joinedAt : null,
      lastContactAt: this.lastContactAt,
      lastError: this.lastError,
      shipping: { ...shipper.state },
      catalogue: {
        version: catalogue.version,
        appliedAt: d.catalogue?.appliedAt ?? null,
        unmapped: catalogue.unmapped,
        refused: catalogue.refused,
      },
    };
  }

  private run(): void {
    if (this.running) return;
    this.running = true;
    this.state = 'offline';
    this.loops = [this.shipLoop(), this.statusLoop()];
  }

  private async shipLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.dirty = false;
      const round = await this.parts.shipper.round();
      if (!(await this.heard(round))) {
        failures++;
        this.parts.shipper.resync();
        await this.sleep(Math.min(maxBackoffMs, 500 * 2 ** failures), 'reconnect');
      } else {
        failures = 0;
        if (!this.dirty) await this.sleep(30_000, 'events');
      }
    }
  }

  private async statusLoop(): Promise<void> {
    while (this.running) {
      const sent = await this.parts.client.call('reportStatus', { body: this.parts.report() });
      if ((await this.heard(sent)) && sent.ok) {
        const published = sent.value.publishedCatalogue;
        if (published !== null && published !== this.parts.catalogue.version && this.parts.catalogue.wants(published))
          await this.heard(await this.parts.catalogue.pull());
      }
      await this.sleep(this.parts.statusEveryMs ?? 15_000, null);
    }
  }

  /** Notes what an answer says about the link; false when the call did not go through. */
  private async heard(answer: HubAnswer<unknown>): Promise<boolean> {
    if (answer.ok) {
      // The hub is back (the status got through): the shipper stops waiting out its backoff.
      if (this.state !== 'online') this.reconnected?.();
      this.state = 'online';
      this.lastContactAt = this.parts.clock();
      return true;
    }
    if (answer.kind === 'unreachable') {
      this.state = 'offline';
      this.lastError = problemOf(answer);
      return false;
    }
    this.lastContactAt = this.parts.clock();
    this.lastError = problemOf(answer);
    if (answer.code === 'hub:link.revoked' || answer.code === 'hub:link.unknown_centre') {
      // Nothing more is sent until an admin joins again with a new code.
      this.running = false;
      this.state = answer.code === 'hub:link.revoked' ? 'revoked' : 'not_joined';
      const now = this.parts.clock();
      await this.parts.store.update((d) => {
        if (answer.code === 'hub:link.revoked') d.revokedAt = now;
        else d.token = null;
      });
      log.error('the hub no longer accepts this centre', { code: answer.code });
    }
    return false;
  }

  /** Waits; new events or the hub coming back end it early if `until` says so, and so does stopping. */
  private sleep(ms: number, until: 'events' | 'reconnect' | null): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        if (this.wake === done) this.wake = null;
        if (this.reconnected === done) this.reconnected = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
      if (until === 'events') this.wake = done;
      if (until === 'reconnect') this.reconnected = done;
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const done of [...this.sleepers]) done();
    await Promise.all(this.loops);
  }
}

/** A failed call as the admin app shows it: the hub's refusal, or that the hub could not be reached. */
function problemOf(answer: Extract<HubAnswer<unknown>, { ok: false }>): NonNullable<HubLinkView['lastError']> {
  return answer.kind === 'refused'
    ? { code: answer.code, params: answer.params }
    : { code: 'admin:hub.unreachable', params: { detail: answer.error } };
}
