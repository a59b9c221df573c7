/**
 * Backup and restore as the admin app sees them: what a checked backup would replace, and why
 * a backup was refused. A restore is staged (checked, waiting), then confirmed against the
 * preview the admin saw, then applied by the server restarting itself.
 */
import * as v from 'valibot';

/** One reason an archive was refused. `code` is an i18next key (`admin:backup.problem.*`). */
export interface BackupProblem {
  code: string;
  /** The problem in the requester's language. */
  message: string;
  /** The file inside the archive it is about, if any. */
  file?: string;
  params?: Record<string, string | number>;
}

/** How one day's journal in the backup compares with the one the centre has now. */
export type RestoreDayKind =
  /** Only the backup has the day: restoring adds it. */
  | 'only_in_backup'
  /** Only the current data has the day (newer than the backup): restoring sets it aside. */
  | 'only_now'
  /** The current journal continues the backup's: what came after the backup is set aside. */
  | 'more_now'
  /** The backup's journal continues the current one: restoring adds events. */
  | 'more_in_backup'
  /** The two journals part at some event: the current one's events from there on are set aside. */
  | 'different';

export interface RestoreDayChange {
  day: string;
  kind: RestoreDayKind;
  /** Null for a day only the backup has: its events are not read for the preview. */
  backupEvents: number | null;
  currentEvents: number;
  /** Tickets issued in the current data that the backup does not have. */
  ticketsAfterBackup: number;
  /** Their numbers as people see them (`1023`, `A007`), the first ones only (see `ticketsAfterBackup`). */
  ticketLabels: string[];
  /** Other current events the backup does not have (calls, services, ratings). */
  otherEventsAfterBackup: number;
}

/** A settings file the restore replaces with the backup's version because the two differ. */
export type RestoreSettingsFile = 'site' | 'catalogue' | 'printers' | 'accounts';

export interface RestorePreview {
  backup: {
    createdAt: number;
    /** The centre's name in the backup (Vietnamese). */
    centre: string;
    /** The motcua version that made it. */
    version: string;
    files: number;
    /** Unpacked size in bytes. */
    bytes: number;
    firstDay: string | null;
    lastDay: string | null;
  };
  stagedAt: number;
  /** The day the centre has open: its numbers set aside may be issued again today. */
  today: string;
  /** Days whose journals differ; identical days are only counted. */
  days: RestoreDayChange[];
  sameDays: number;
  /** Tickets in the current data that the backup does not have, over all days: they are set aside. */
  ticketsAfterBackup: number;
  settingsChanged: RestoreSettingsFile[];
  /** Accounts and paired devices that exist now but not in the backup (they would be gone after the restore). */
  accountsOnlyNow: string[];
  devicesOnlyNow: string[];
  /**
   * Identifies the current data this preview was made against; the confirmation must send it
   * back, so a restore never sets aside anything the admin has not seen.
   */
  fingerprint: string;
}

/** The last restore applied, as the audit log keeps it. */
export interface LastRestore {
  at: number;
  backupCreatedAt: number;
  /** The folder of the data directory where the replaced data was moved. */
  keptAside: string;
}

export type RestoreStatus =
  | { state: 'none'; lastRestore: LastRestore | null }
  | {
      state: 'staged';
      preview: RestorePreview;
      /** Set when a confirmed restore was not applied at the restart because more had been written meanwhile. */
      refusedAt: number | null;
      lastRestore: LastRestore | null;
    }
  /** Confirmed; the server is restarting to apply it. */
  | { state: 'applying' };

export const RestoreConfirmation = v.object({ fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) });
