import type { StoreProblem } from '../../protocol/health.ts';

export type { StoreProblem };

/** A failure of the disk or the file system (as opposed to a bug in the server). */
export class StoreError extends Error {
  constructor(
    readonly problem: StoreProblem,
    /** The file or directory the operation was on. */
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(`${problem} on ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreError';
  }
}

/** Wraps a file-system error as a {@link StoreError}; a `StoreError` passes through unchanged. */
export function storeError(path: string, cause: unknown): StoreError {
  if (cause instanceof StoreError) return cause;
  return new StoreError(problemOf(cause), path, cause);
}

function problemOf(cause: unknown): StoreProblem {
  switch ((cause as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk_full';
    case 'EROFS':
      return 'read_only';
    case 'EACCES':
    case 'EPERM':
      return 'no_permission';
    case 'EIO':
      return 'disk_error';
    default:
      return 'write_failed';
  }
}
