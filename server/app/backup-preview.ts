/**
 * What a staged restore would replace: day by day, the current journal against the backup's
 * (by event sequence), the tickets the centre has that the backup does not, and the settings,
 * accounts and devices that differ. The fingerprint names the current data the preview was made
 * from, so a confirmation can be checked against what the admin actually saw.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RestoreDayChange, RestorePreview, RestoreSettingsFile } from '../../protocol/backup.ts';
import type { QueueEvent } from '../core/model.ts';
import { systemClock } from '../clock.ts';
import { FileQueueStore, type QueueStore } from '../store/queue-store.ts';
import { dayFileName, dayOf } from './backup-contents.ts';
import type { StagedBackup } from './backup-staging.ts';

/** Ticket numbers listed per day; the count covers the rest. */
const labelsListed = 100;

/** SHA-256 of files, remembered while a file keeps its inode, size and time, so past days are hashed once. */
export class FileHashes {
  private readonly known = new Map<string, { key: string; sha: string }>();

  async of(path: string): Promise<string | null> {
    const info = await stat(path).catch(() => null);
    if (!info) return null;
    const key = `${info.ino}:${info.size}:${info.mtimeMs}`;
    const cached = this.known.get(path);
    if (cached?.key === key) return cached.sha;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) hash.update(chunk as Buffer);
    const sha = hash.digest('hex');
    this.known.set(path, { key, sha });
    return sha;
  }
}

interface AccountsFile {
  secret?: string;
  users?: Array<{
    id: string;
    username: string;
    name: string;
    passwordHash?: string;
    role?: string;
    disabled?: boolean;
    counters?: unknown;
  }>;
  devices?: Array<{ id: string; name: string; tokenHash?: string; revokedAt?: number | null }>;
}

/** The current data's identity for a confirmation: each journal's length and each settings file's content. */
export async function currentFingerprint(dataDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const day of await journalDays(dataDir)) {
    const info = await stat(join(dataDir, 'journal', dayFileName('journal', day))).catch(() => null);
    hash.update(`journal ${day} ${info?.size ?? -1}\n`);
  }
  for (const name of ['site.json', 'catalogue.json', 'printers.json'])
    hash.update(
      `${name} ${await readFile(join(dataDir, name)).then(
        (b) => sha(b),
        () => '-',
      )}\n`,
    );
  // Sessions change at every sign-in and are not restored; who can sign in, and which devices, are.
  hash.update(`accounts ${sha(accountsText(await readAccounts(dataDir)))}\n`);
  return hash.digest('hex');
}

export async function previewRestore(
  dataDir: string,
  current: { store: QueueStore; today: string },
  staged: StagedBackup,
  hashes: FileHashes,
): Promise<RestorePreview> {
  const fingerprint = await currentFingerprint(dataDir);
  const stagedFiles = new Map(staged.files.map((f) => [f.path, f]));
  const backupDays = staged.files.map((f) => dayOf('journal', f.path)).filter((d): d is string => d !== null);
  const days = [...new Set([...backupDays, ...(await journalDays(dataDir))])].sort();
  const backupStore = new FileQueueStore(join(staged.dataDir), systemClock);
  const changes: RestoreDayChange[] = [];
  for (const day of days) {
    const path = `journal/${dayFileName('journal', day)}`;
    const inBackup = stagedFiles.get(path);
    const currentSha = await hashes.of(join(dataDir, path));
    if (inBackup && inBackup.sha256 === currentSha) continue;
    // A day only the backup has replaces nothing: its events need not be read (a new box has many).
    if (currentSha === null) changes.push(onlyInBackup(day));
    else {
      const change = compareDay(day, inBackup ? await backupStore.readDay(day) : null, await current.store.readDay(day));
      if (change) changes.push(change);
    }
    await nextTurn();
  }
  const accountsNow = await readAccounts(dataDir);
  const accountsThen = await readAccounts(staged.dataDir);
  const settingsChanged: RestoreSettingsFile[] = [];
  for (const [file, name] of [
    ['site', 'site.json'],
    ['catalogue', 'catalogue.json'],
    ['printers', 'printers.json'],
  ] as const) {
    if ((await hashes.of(join(dataDir, name))) !== (stagedFiles.get(name)?.sha256 ?? null)) settingsChanged.push(file);
  }
  if (accountsText(accountsNow) !== accountsText(accountsThen)) settingsChanged.push('accounts');
  const usersThen = new Set(accountsThen.users?.map((u) => u.id));
  const devicesThen = new Set(accountsThen.devices?.map((d) => d.id));
  return {
    backup: {
      createdAt: staged.manifest.createdAt,
      centre: staged.manifest.centre,
      version: staged.manifest.motcua,
      files: staged.files.length,
      bytes: staged.files.reduce((sum, f) => sum + f.bytes, 0),
      firstDay: staged.manifest.firstDay,
      lastDay: staged.manifest.lastDay,
    },
    stagedAt: staged.stagedAt,
    today: current.today,
    days: changes,
    sameDays: days.length - changes.length,
    ticketsAfterBackup: changes.reduce((sum, c) => sum + c.ticketsAfterBackup, 0),
    settingsChanged,
    accountsOnlyNow: (accountsNow.users ?? []).filter((u) => !usersThen.has(u.id)).map((u) => `${u.name} (${u.username})`),
    devicesOnlyNow: (accountsNow.devices ?? []).filter((d) => !devicesThen.has(d.id) && !d.revokedAt).map((d) => d.name),
    fingerprint,
  };
}

function onlyInBackup(day: string): RestoreDayChange {
  return {
    day,
    kind: 'only_in_backup',
    backupEvents: null,
    currentEvents: 0,
    ticketsAfterBackup: 0,
    ticketLabels: [],
    otherEventsAfterBackup: 0,
  };
}

/** One day's journals side by side; null when they hold the same events. */
function compareDay(day: string, backup: QueueEvent[] | null, now: QueueEvent[]): RestoreDayChange | null {
  const then = backup ?? [];
  let common = 0;
  while (common < then.length && common < now.length && sameEvent(then[common]!, now[common]!)) common++;
  // Equal journals, or a day the centre opened but wrote nothing in: nothing is replaced.
  if (common === then.length && common === now.length) return null;
  const after = now.slice(common);
  const issued = after.filter((e): e is QueueEvent & { type: 'ticket.issued' } => e.type === 'ticket.issued');
  const kind: RestoreDayChange['kind'] = !backup
    ? 'only_now'
    : now.length === 0
      ? 'only_in_backup'
      : common === then.length
        ? 'more_now'
        : common === now.length
          ? 'more_in_backup'
          : 'different';
  return {
    day,
    kind,
    backupEvents: then.length,
    currentEvents: now.length,
    ticketsAfterBackup: issued.length,
    ticketLabels: issued.slice(0, labelsListed).map((e) => e.label),
    otherEventsAfterBackup: after.length - issued.length,
  };
}

/** Events at the same place in two journals are the same event when they agree on what, when and to which ticket. */
function sameEvent(a: QueueEvent, b: QueueEvent): boolean {
  return a.seq === b.seq && a.at === b.at && a.type === b.type && ticketOf(a) === ticketOf(b);
}

function ticketOf(e: QueueEvent): string | null {
  return 'ticketId' in e ? e.ticketId : null;
}

async function journalDays(dataDir: string): Promise<string[]> {
  const names = await readdir(join(dataDir, 'journal')).catch(() => [] as string[]);
  return names.map((n) => dayOf('journal', `journal/${n}`)).filter((d): d is string => d !== null);
}

async function readAccounts(dataDir: string): Promise<AccountsFile> {
  const text = await readFile(join(dataDir, 'auth.json'), 'utf8').catch(() => null);
  try {
    return text === null ? {} : (JSON.parse(text) as AccountsFile);
  } catch {
    return {};
  }
}

function accountsText(a: AccountsFile): string {
  return JSON.stringify({ secret: a.secret ?? null, users: a.users ?? [], devices: a.devices ?? [] });
}

function sha(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
