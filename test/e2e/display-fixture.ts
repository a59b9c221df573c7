/**
 * What the call-display browser tests and the latency benchmark share: a real server, a kiosk
 * that issues tickets, clerks at counters, and boards opened in real Chromium.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { buildAnnouncement, type CallToAnnounce } from '../../client/voice/announcement.ts';
import type { RecordedPlay } from '../../display/recording-audio-sink.ts';
import { DEFAULT_VOICE_CONFIG, type VoiceConfig } from '../../protocol/voice/voice-config.ts';
import { launchBrowser } from '../support/browser.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';
import { runningClock } from '../support/stepped-clock.ts';

/** A board's viewport: the lobby's full HD unless a test says otherwise. */
export interface BoardViewport {
  width: number;
  height: number;
}

const fullHd: BoardViewport = { width: 1920, height: 1080 };

/**
 * Headless Chromium lets any page play sound, so this puts back the rule a wall display meets
 * in a normal browser: an AudioContext stays suspended until the page has had a user gesture.
 */
export const AUTOPLAY_BLOCKED = `
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    constructor(options) {
      super(options);
      void super.suspend();
    }
    resume() {
      return navigator.userActivation.hasBeenActive ? super.resume() : new Promise(() => {});
    }
  };
`;

/** The clips of the Vietnamese sentence a board says in full for `call` (without the chime and pauses). */
export function sentenceClips(call: CallToAnnounce, config: VoiceConfig = DEFAULT_VOICE_CONFIG): string[] {
  return [...buildAnnouncement(call, config).full[0]!.clipIds];
}

/** The clips a recorded pass said, without the chime and without the English sentence. */
export function saidClips(play: RecordedPlay): string[] {
  return play.clipIds.filter((id) => id.startsWith('vi:'));
}

/**
 * Which call a recorded pass said, in full or briefly (a board says calls that queue up briefly,
 * and which ones do depends on timing), as "A12 → 3" or "A12 → 3 (recall)"; `null` for a pass
 * that is neither form of any of `calls`.
 */
export function callSaid(play: RecordedPlay, calls: readonly CallToAnnounce[]): string | null {
  const said = saidClips(play).join(' ');
  const match = calls.find((call) => {
    const announcement = buildAnnouncement(call, DEFAULT_VOICE_CONFIG);
    return [announcement.full[0]!, announcement.brief[0]!].some((sentence) => sentence.clipIds.join(' ') === said);
  });
  return match ? `${match.ticket} → ${match.counter}${match.recall ? ' (recall)' : ''}` : null;
}

/** A server with a kiosk, clerks and a browser, for driving boards through real calls. */
export class DisplayFixture {
  private readonly clerks = new Map<number, ClientSocket>();
  private clerkSession: string | null = null;
  private deskSocket: ClientSocket | null = null;
  /** Set once the server was restarted on the first one's data directory, which is then ours to remove. */
  private adoptedDir: string | null = null;

  private constructor(
    public server: TestServer,
    readonly browser: Browser,
    private kiosk: ClientSocket,
  ) {}

  static async start(): Promise<DisplayFixture> {
    const server = await TestServer.start();
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    return new DisplayFixture(server, await launchBrowser(), kiosk);
  }

  /**
   * Issues a ticket and returns its label: at the kiosk, or at the help desk by staff, which
   * is not rate-limited like a kiosk (for filling a queue quickly).
   */
  async issue(serviceId: string, at: 'kiosk' | 'desk' = 'kiosk'): Promise<string> {
    const issuer = at === 'kiosk' ? this.kiosk : await this.desk();
    const result = await command(issuer, 'ticket:issue', { serviceId });
    if (!result.ok) throw new Error(`issue refused: ${result.error.code}`);
    return result.value.ticket.label;
  }

  /**
   * A clerk's command at a counter (signed in on first use); returns the label now called there.
   * Next first finishes whoever is at the counter, as a clerk does: a Next seconds after a call
   * is taken for a slip and finishes nobody (issue 14).
   */
  async counter(counterId: number, event: 'counter:next' | 'counter:recall' | 'counter:finish'): Promise<string | null> {
    const clerk = await this.clerkAt(counterId);
    if (event === 'counter:next' && this.server.server.ctx.engine.state.counters.get(counterId)?.currentTicketId)
      await this.counter(counterId, 'counter:finish');
    const result = await command(clerk, event, { counterId });
    if (!result.ok) throw new Error(`${event} refused: ${result.error.code}`);
    return result.value.current?.label ?? null;
  }

  /**
   * Opens a board page; `path` like `/display/?audioSink=record`. `beforeLoad` can set the page
   * up first (routes, storage). Waits until the board shows its first snapshot.
   */
  async openBoard(path: string, viewport: BoardViewport = fullHd, beforeLoad?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await this.browser.newPage({ viewport });
    await beforeLoad?.(page);
    await page.goto(this.server.url + path);
    await page.waitForSelector('.display[data-synced="true"][data-connection="online"]');
    return page;
  }

  /**
   * Restarts the server on the same port and data directory, as after a crash or an upgrade:
   * boards must notice, show that they are offline, and resync from the new server's snapshot.
   */
  async restartServer(whileDown: () => Promise<void> = async () => undefined, build?: string): Promise<void> {
    const { port, dataDir } = this.server;
    for (const clerk of this.clerks.values()) clerk.disconnect();
    this.clerks.clear();
    this.clerkSession = null;
    this.deskSocket = null;
    // The centre's clock runs on across the restart, as a real one does; a fresh test clock
    // would start again at 09:00 and put new calls behind the old ones.
    const stoppedAt = this.server.server.ctx.clock.now();
    await this.server.stop();
    await whileDown();
    this.adoptedDir = dataDir;
    this.server = await TestServer.start({
      dataDir,
      flags: ['--port', String(port)],
      clock: runningClock(stoppedAt),
      ...(build && { build }),
    });
    this.kiosk = await this.server.socket(await this.server.deviceToken('kiosk'));
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
    if (this.adoptedDir) await rm(this.adoptedDir, { recursive: true, force: true });
  }

  private async desk(): Promise<ClientSocket> {
    this.deskSocket ??= await this.server.socket(await this.session());
    return this.deskSocket;
  }

  private async session(): Promise<string> {
    this.clerkSession ??= await this.server.clerkToken();
    return this.clerkSession;
  }

  private async clerkAt(counterId: number): Promise<ClientSocket> {
    let clerk = this.clerks.get(counterId);
    if (!clerk) {
      clerk = await this.server.socket(await this.session());
      const joined = await command(clerk, 'counter:join', { counterId });
      if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
      this.clerks.set(counterId, clerk);
    }
    return clerk;
  }
}
