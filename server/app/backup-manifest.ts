/**
 * `motcua-backup.json`, the first file of a backup: what made it and when. Format 1 was the old
 * single gzipped JSON bundle; format 2 is the tar archive.
 */
import * as v from 'valibot';
import { LocalDay } from '../../protocol/site-config.ts';

export const backupFormat = 2;

export const BackupManifestSchema = v.object({
  format: v.literal('motcua-backup'),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The centre's name (Vietnamese), so a technician sees whose backup it is. */
  centre: v.string(),
  /** The motcua version that made it. */
  motcua: v.string(),
  firstDay: v.nullable(LocalDay),
  lastDay: v.nullable(LocalDay),
});

export type BackupManifest = v.InferOutput<typeof BackupManifestSchema>;

export function backupManifest(of: {
  createdAt: number;
  centre: string;
  version: string;
  firstDay: string | null;
  lastDay: string | null;
}): BackupManifest {
  return {
    format: 'motcua-backup',
    version: backupFormat,
    createdAt: of.createdAt,
    centre: of.centre,
    motcua: of.version,
    firstDay: of.firstDay,
    lastDay: of.lastDay,
  };
}
