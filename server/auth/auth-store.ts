import { randomUUID } from 'node:crypto';
import type { DeviceKindName } from '../../protocol/commands.ts';
import type { FileAlert } from '../../protocol/health.ts';
import type { UserAccountView } from '../../protocol/admin.ts';
import type { Clock } from '../clock.ts';
import type { DurableJsonFile } from '../store/durable-file.ts';
import { authFile, readAuthData, type AuthData, type DeviceRecord, type UserRecord } from './auth-file.ts';
import { DeviceSilence } from './device-silence.ts';
import { type HashingGate, hashingBusy } from './hashing-gate.ts';
import { hashPassword, unknownUserHash, verifyPassword } from './passwords.ts';
import { newToken, tokenHash } from './tokens.ts';

export type Role = 'clerk' | 'admin';
export type { DeviceRecord, UserRecord };

/** A user as other code (and the admin app, through the protocol's view) may see one: never the password hash. */
export type PublicUser = UserAccountView;

/** Why disabling or enabling a user did not happen. */
export type UserStateRefusal = 'not_found' | 'last_admin';

/** How long a session lasts (its cookie too). */
export const sessionMs = 14 * 3_600_000;

/** Whose access just ended: a user's sessions, or a paired device's token. */
export type EndedAccess = { kind: 'user' | 'device'; id: string };

/** What a change to the auth data decided: its result, and whether anything changed (nothing to write). */
interface Change<R> {
  result: R;
  changed: boolean;
}

/**
 * Users, paired devices and sessions, in `<dataDir>/auth.json`: the file's one owner. Every
 * change is made on a copy inside one queue, written durably, and only then becomes what
 * callers see, so a failed write (a full disk) changes nothing.
 */
export class AuthStore {
  /** Last contact of each device since the start, to the millisecond (the file keeps it to the hour). */
  private readonly contacts = new Map<string, number>();
  private readonly accessEnded = new Set<(ended: EndedAccess) => void>();
  private changing: Promise<unknown> = Promise.resolve();
  /**
   * Each session's end on monotonic time. A session's `expiresAt` on disk is wall time; what
   * is left of it is measured from when this process first saw it, so a clock step of hours
   * neither ends every session nor makes them last for ever (issue 12).
   */
  private readonly sessionEnds = new Map<string, number>();
  private readonly silence: DeviceSilence;

  private constructor(
    private readonly file: DurableJsonFile<AuthData>,
    private data: AuthData,
    private readonly clock: Clock,
    private readonly hashing: HashingGate,
    /** Set when `auth.json` was damaged and its last good copy was read. */
    readonly alert: FileAlert | null,
    /** A device not heard from for this long loses its token (0: never); read at each use, from the site config. */
    private readonly deviceIdleMs: () => number,
  ) {
    const now = clock.now();
    const monotonic = clock.monotonic();
    for (const s of data.sessions) this.sessionEnds.set(s.tokenHash, monotonic + (s.expiresAt - now));
    this.silence = new DeviceSilence(data.runMs ?? 0, clock);
  }

  /** Opens `auth.json` (writing only on a first start); see {@link readAuthData}. */
  static async open(dataDir: string, clock: Clock, hashing: HashingGate, deviceIdleMs: () => number = () => 0): Promise<AuthStore> {
    const file = authFile(dataDir);
    const { data, alert } = await readAuthData(file, clock.now());
    return new AuthStore(file, data, clock, hashing, alert, deviceIdleMs);
  }

  get secret(): string {
    return this.data.secret;
  }

  /**
   * Called when a user's sessions were all ended (password reset, account disabled) or a
   * device was revoked, so live connections opened with them can be closed too. Returns an
   * unsubscribe.
   */
  onAccessEnded(listener: (ended: EndedAccess) => void): () => void {
    this.accessEnded.add(listener);
    return () => this.accessEnded.delete(listener);
  }

  hasAdmin(): boolean {
    return this.data.users.some((u) => u.role === 'admin');
  }

  users(): PublicUser[] {
    return this.data.users.map(publicUser);
  }

  async createUser(input: {
    username: string;
    name: string;
    password: string;
    role: Role;
    counters: number[];
  }): Promise<PublicUser | null> {
    const passwordHash = await this.hashing.run(() => hashPassword(input.password));
    return this.change((draft) => {
      if (draft.users.some((u) => u.username === input.username)) return { result: null, changed: false };
      const user: UserRecord = {
        id: randomUUID(),
        username: input.username,
        name: input.name,
        role: input.role,
        passwordHash,
        counters: input.counters,
        createdAt: this.clock.now(),
      };
      draft.users.push(user);
      return { result: publicUser(user), changed: true };
    });
  }

  /**
   * Checks the password; a wrong user name costs the same time as a wrong password. `busy`
   * when the hashing gate is full: nothing was checked.
   */
  async verify(username: string, password: string): Promise<PublicUser | null | 'busy'> {
    const user = this.data.users.find((u) => u.username === username);
    const ok = await this.hashing.tryRun(() => verifyPassword(password, user?.passwordHash ?? unknownUserHash));
    if (ok === hashingBusy) return 'busy';
    return ok && user ? publicUser(user) : null;
  }

  async createSession(userId: string): Promise<string> {
    const token = newToken('ses');
    const hash = tokenHash(token);
    await this.change((draft) => {
      const monotonic = this.clock.monotonic();
      draft.sessions = draft.sessions.filter((s) => (this.sessionEnds.get(s.tokenHash) ?? 0) > monotonic);
      for (const known of this.sessionEnds.keys()) if (!draft.sessions.some((s) => s.tokenHash === known)) this.sessionEnds.delete(known);
      draft.sessions.push({ tokenHash: hash, userId, expiresAt: this.clock.now() + sessionMs });
      // Known before the write lands; harmless if it fails, since the token is then never handed out.
      this.sessionEnds.set(hash, monotonic + sessionMs);
      return { result: null, changed: true };
    });
    return token;
  }

  sessionUser(token: string): PublicUser | null {
    const hash = tokenHash(token);
    if ((this.sessionEnds.get(hash) ?? 0) <= this.clock.monotonic()) return null;
    const s = this.data.sessions.find((x) => x.tokenHash === hash);
    const user = s && this.data.users.find((u) => u.id === s.userId);
    return user && !user.disabled ? publicUser(user) : null;
  }

  async endSession(token: string): Promise<void> {
    const hash = tokenHash(token);
    await this.change((draft) => {
      const before = draft.sessions.length;
      draft.sessions = draft.sessions.filter((s) => s.tokenHash !== hash);
      return { result: null, changed: draft.sessions.length !== before };
    });
  }

  async pairDevice(input: {
    kind: DeviceKindName;
    name: string;
    counterId: number | null;
  }): Promise<{ device: DeviceRecord; token: string }> {
    const token = newToken('dev');
    const device: DeviceRecord = {
      id: randomUUID(),
      ...input,
      tokenHash: tokenHash(token),
      pairedAt: this.clock.now(),
      seenAtRunMs: this.silence.runMs(),
      revokedAt: null,
    };
    await this.change((draft) => {
      draft.devices.push(device);
      return { result: null, changed: true };
    });
    return { device, token };
  }

  /** The device the token belongs to, unless it was revoked or has been silent past the idle limit (on the server's run time). */
  deviceByToken(token: string): DeviceRecord | null {
    const hash = tokenHash(token);
    const device = this.data.devices.find((d) => d.tokenHash === hash && d.revokedAt === null);
    if (!device) return null;
    const idle = this.deviceIdleMs();
    return idle > 0 && this.silence.silentFor(device) > idle ? null : device;
  }

  /** When the device last made a request or held a connection (its pairing, if never since), on the wall clock: for people to read. */
  lastContact(device: DeviceRecord): number {
    return Math.max(device.pairedAt, device.lastSeenAt ?? 0, this.contacts.get(device.id) ?? 0);
  }

  /**
   * The device is in touch now (a request, a connection opening, still open or closing). Kept in
   * memory at once, and on disk when what the file says is an hour of run time old: a device
   * asking every second must not rewrite `auth.json` every second.
   */
  touchDevice(id: string): void {
    const now = this.clock.now();
    this.contacts.set(id, now);
    const run = this.silence.touch(id);
    const stale = (d: DeviceRecord | undefined) =>
      d !== undefined && run - (d.seenAtRunMs ?? Number.NEGATIVE_INFINITY) >= contactWriteEveryMs;
    if (!stale(this.data.devices.find((d) => d.id === id))) return;
    void this.change((draft) => {
      const d = draft.devices.find((x) => x.id === id);
      if (!d || !stale(d)) return { result: null, changed: false };
      d.lastSeenAt = now;
      d.seenAtRunMs = run;
      return { result: null, changed: true };
    }).catch(() => undefined);
  }

  /**
   * A new token for a paired device, replacing the old one (which stops working at once). The
   * caller hands it to the device over its live connection first (`deliver`): a device that
   * did not take it keeps its old token and nothing changes.
   */
  async rotateDeviceToken(id: string, deliver: (token: string) => Promise<boolean>): Promise<'rotated' | 'not_found' | 'not_delivered'> {
    if (!this.data.devices.some((d) => d.id === id && d.revokedAt === null)) return 'not_found';
    const token = newToken('dev');
    if (!(await deliver(token))) return 'not_delivered';
    return this.change((draft) => {
      const d = draft.devices.find((x) => x.id === id && x.revokedAt === null);
      if (!d) return { result: 'not_found' as const, changed: false };
      d.tokenHash = tokenHash(token);
      return { result: 'rotated' as const, changed: true };
    });
  }

  devices(): DeviceRecord[] {
    return [...this.data.devices];
  }

  renameDevice(id: string, name: string): Promise<boolean> {
    return this.change((draft) => {
      const d = draft.devices.find((x) => x.id === id && x.revokedAt === null);
      if (!d) return { result: false, changed: false };
      d.name = name;
      return { result: true, changed: true };
    });
  }

  /** Sets a new password and ends the user's sessions, so a lost password stops working at once. */
  async resetPassword(userId: string, password: string): Promise<boolean> {
    if (!this.data.users.some((u) => u.id === userId)) return false;
    const passwordHash = await this.hashing.run(() => hashPassword(password));
    const done = await this.change((draft) => {
      const user = draft.users.find((u) => u.id === userId);
      if (!user) return { result: false, changed: false };
      user.passwordHash = passwordHash;
      draft.sessions = draft.sessions.filter((s) => s.userId !== userId);
      return { result: true, changed: true };
    });
    if (done) this.notifyAccessEnded({ kind: 'user', id: userId });
    return done;
  }

  /**
   * Disables a user (ending every session at once) or enables one again with the same password.
   * The last enabled administrator cannot be disabled: nobody could then manage the centre.
   */
  async setDisabled(userId: string, disabled: boolean): Promise<{ ok: true; user: PublicUser } | { ok: false; refusal: UserStateRefusal }> {
    const outcome = await this.change<{ ok: true; user: PublicUser } | { ok: false; refusal: UserStateRefusal }>((draft) => {
      const user = draft.users.find((u) => u.id === userId);
      if (!user) return { result: { ok: false, refusal: 'not_found' }, changed: false };
      if (disabled && user.role === 'admin' && !user.disabled) {
        const enabledAdmins = draft.users.filter((u) => u.role === 'admin' && !u.disabled).length;
        if (enabledAdmins <= 1) return { result: { ok: false, refusal: 'last_admin' }, changed: false };
      }
      if (disabled) {
        user.disabled = true;
        draft.sessions = draft.sessions.filter((s) => s.userId !== userId);
      } else delete user.disabled;
      return { result: { ok: true, user: publicUser(user) }, changed: true };
    });
    if (outcome.ok && disabled) this.notifyAccessEnded({ kind: 'user', id: userId });
    return outcome;
  }

  async revokeDevice(id: string): Promise<boolean> {
    const revoked = await this.change((draft) => {
      const d = draft.devices.find((x) => x.id === id && x.revokedAt === null);
      if (!d) return { result: false, changed: false };
      d.revokedAt = this.clock.now();
      return { result: true, changed: true };
    });
    if (revoked) this.notifyAccessEnded({ kind: 'device', id });
    return revoked;
  }

  private notifyAccessEnded(ended: EndedAccess): void {
    for (const listener of this.accessEnded) listener(ended);
  }

  /** Resolves once every change asked for so far is on disk (or failed): a stopping server waits for it. */
  settled(): Promise<void> {
    return this.changing.then(() => undefined);
  }

  /** Runs one change on a copy of the data, after every change before it; the copy becomes current once it is on disk. */
  private change<R>(mutate: (draft: AuthData) => Change<R>): Promise<R> {
    const run = this.changing.then(async () => {
      const draft = structuredClone(this.data);
      const { result, changed } = mutate(draft);
      if (changed) {
        draft.runMs = this.silence.runMs();
        await this.file.write(draft);
        this.data = draft;
      }
      return result;
    });
    this.changing = run.catch(() => undefined);
    return run;
  }
}

/** How stale the last contact on disk may be (in the server's run time) before it is written again. */
const contactWriteEveryMs = 3_600_000;

function publicUser({ passwordHash: _hash, disabled, ...rest }: UserRecord): PublicUser {
  return { ...rest, disabled: disabled === true };
}
