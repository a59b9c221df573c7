import * as v from 'valibot';

/**
 * One validation problem as a line a technician can act on: `path.to.field: message`, or the
 * message alone when the problem is the whole value. Every boundary that reports schema
 * problems (payloads, config files, backups, printer profiles, voice settings) words them so.
 */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}
