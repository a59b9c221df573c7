import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { DeviceKindName } from '../../protocol/commands.ts';
import type { UserAccountView } from '../../protocol/admin.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { newToken, tokenHash } from './tokens.ts';

export type Role = 'clerk' | 'admin';

export interface UserRecord {
  id: string;
  username: string;
  name: string;
  role: Role;
  passwordHash: string;
  /** Counters the user may sign in to; empty means any. */
  counters: number[];
  createdAt: number;
  /** A disabled user cannot sign in and has no sessions; stored files from before the field count as enabled. */
  disabled?: boolean;
}

export interface DeviceRecord {
  id: string;
  kind: DeviceKindName;
  name: string;
  counterId: number | null;
  tokenHash: string;
  pairedAt: number;
  revokedAt: number | null;
}

interface SessionRecord {
  tokenHash: string;
  userId: string;
  expiresAt: number;
}

interface AuthData {
  version: 1;
  /** Signs ticket follow links. */
  secret: string;
  users: UserRecord[];
  devices: DeviceRecord[];
  sessions: SessionRecord[];
}

/** A user as other code (and the admin app, through the protocol's view) may see one: never the password hash. */
export type PublicUser = UserAccountView;

/** Why disabling or enabling a user did not happen. */
export type UserStateRefusal = 'not_found' | 'last_admin';

const sessionHours = 14;

/** Whose access just ended: a user's sessions, or a paired device's token. */
export type EndedAccess = { kind: 'user' | 'device'; id: string };

/** Users, paired devices and sessions, in `<dataDir>/auth.json` (lowdb, atomic writes). */
export class AuthStore {
  private readonly accessEnded = new Set<(ended: EndedAccess) => void>();

  private constructor(private readonly db: Low<AuthData>) {}

  static async open(dataDir: string): Promise<AuthStore> {
    const fresh: AuthData = { version: 1, secret: randomBytes(32).toString('base64url'), users: [], devices: [], sessions: [] };
    const db = new Low<AuthData>(new JSONFile(join(dataDir, 'auth.json')), fresh);
    await db.read();
    db.data ??= fresh;
    if (!db.data.secret) db.data.secret = fresh.secret;
    await db.write();
    return new AuthStore(db);
  }

  get secret(): string {
    return this.db.data.secret;
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
    return this.db.data.users.some((u) => u.role === 'admin');
  }

  users(): PublicUser[] {
    return this.db.data.users.map(publicUser);
  }

  async createUser(
    input: { username: string; name: string; password: string; role: Role; counters: number[] },
    now: number,
  ): Promise<PublicUser | null> {
    if (this.db.data.users.some((u) => u.username === input.username)) return null;
    const user: UserRecord = {
      id: randomUUID(),
      username: input.username,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      counters: input.counters,
      createdAt: now,
    };
    this.db.data.users.push(user);
    await this.db.write();
    return publicUser(user);
  }

  /** Checks the password; a wrong user name costs the same time as a wrong password. */
  async verify(username: string, password: string): Promise<PublicUser | null> {
    const user = this.db.data.users.find((u) => u.username === username);
    const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash);
    return ok && user ? publicUser(user) : null;
  }

  async createSession(userId: string, now: number): Promise<string> {
    const token = newToken('ses');
    this.db.data.sessions = this.db.data.sessions.filter((s) => s.expiresAt > now);
    this.db.data.sessions.push({ tokenHash: tokenHash(token), userId, expiresAt: now + sessionHours * 3_600_000 });
    await this.db.write();
    return token;
  }

  sessionUser(token: string, now: number): PublicUser | null {
    const hash = tokenHash(token);
    const s = this.db.data.sessions.find((x) => x.tokenHash === hash && x.expiresAt > now);
    const user = s && this.db.data.users.find((u) => u.id === s.userId);
    return user && !user.disabled ? publicUser(user) : null;
  }

  async endSession(token: string): Promise<void> {
    const hash = tokenHash(token);
    this.db.data.sessions = this.db.data.sessions.filter((s) => s.tokenHash !== hash);
    await this.db.write();
  }

  async pairDevice(
    input: { kind: DeviceKindName; name: string; counterId: number | null },
    now: number,
  ): Promise<{ device: DeviceRecord; token: string }> {
    const token = newToken('dev');
    const device: DeviceRecord = { id: randomUUID(), ...input, tokenHash: tokenHash(token), pairedAt: now, revokedAt: null };
    this.db.data.devices.push(device);
    await this.db.write();
    return { device, token };
  }

  deviceByToken(token: string): DeviceRecord | null {
    const hash = tokenHash(token);
    return this.db.data.devices.find((d) => d.tokenHash === hash && d.revokedAt === null) ?? null;
  }

  devices(): DeviceRecord[] {
    return [...this.db.data.devices];
  }

  async renameDevice(id: string, name: string): Promise<boolean> {
    const d = this.db.data.devices.find((x) => x.id === id && x.revokedAt === null);
    if (!d) return false;
    d.name = name;
    await this.db.write();
    return true;
  }

  /** Sets a new password and ends the user's sessions, so a lost password stops working at once. */
  async resetPassword(userId: string, password: string): Promise<boolean> {
    const user = this.db.data.users.find((u) => u.id === userId);
    if (!user) return false;
    user.passwordHash = await hashPassword(password);
    this.db.data.sessions = this.db.data.sessions.filter((s) => s.userId !== userId);
    await this.db.write();
    this.notifyAccessEnded({ kind: 'user', id: userId });
    return true;
  }

  /**
   * Disables a user (ending every session at once) or enables one again with the same password.
   * The last enabled administrator cannot be disabled: nobody could then manage the centre.
   */
  async setDisabled(userId: string, disabled: boolean): Promise<{ ok: true; user: PublicUser } | { ok: false; refusal: UserStateRefusal }> {
    const user = this.db.data.users.find((u) => u.id === userId);
    if (!user) return { ok: false, refusal: 'not_found' };
    if (disabled && user.role === 'admin' && !user.disabled) {
      const enabledAdmins = this.db.data.users.filter((u) => u.role === 'admin' && !u.disabled).length;
      if (enabledAdmins <= 1) return { ok: false, refusal: 'last_admin' };
    }
    if (disabled) {
      user.disabled = true;
      this.db.data.sessions = this.db.data.sessions.filter((s) => s.userId !== userId);
    } else delete user.disabled;
    await this.db.write();
    if (disabled) this.notifyAccessEnded({ kind: 'user', id: userId });
    return { ok: true, user: publicUser(user) };
  }

  private notifyAccessEnded(ended: EndedAccess): void {
    for (const listener of this.accessEnded) listener(ended);
  }

  async revokeDevice(id: string, now: number): Promise<boolean> {
    const d = this.db.data.devices.find((x) => x.id === id && x.revokedAt === null);
    if (!d) return false;
    d.revokedAt = now;
    await this.db.write();
    this.notifyAccessEnded({ kind: 'device', id: d.id });
    return true;
  }
}

function publicUser({ passwordHash: _hash, disabled, ...rest }: UserRecord): PublicUser {
  return { ...rest, disabled: disabled === true };
}

// Verified against when the user name is unknown, so timing does not tell which names exist.
const dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
