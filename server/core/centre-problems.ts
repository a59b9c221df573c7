import { type CentreLive, centreProblems } from '../../protocol/hub/centre-status.ts';

export { centreProblems };
import type { WebhookCentreStatus } from '../../protocol/webhooks.ts';

/** Whether a change from one state to the next is worth a `centre.status` webhook. */
export function statusChanged(before: CentreLive | null, after: CentreLive): boolean {
  if (!before) return true;
  if (before.open !== after.open) return true;
  return centreProblems(before).join() !== centreProblems(after).join();
}

/** The centre's state as a `centre.status` webhook carries it; `extra` adds problems only the hub sees (`link.lost`). */
export function webhookStatus(live: CentreLive, extra: readonly string[] = []): WebhookCentreStatus {
  return {
    open: live.open,
    countersOpen: live.counters.open,
    waiting: live.waiting,
    longestWaitMinutes: live.longestWaitMinutes,
    problems: [...centreProblems(live), ...extra],
  };
}
