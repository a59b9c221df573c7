import type { ServerHealth } from '../../protocol/health.ts';
import type { AppContext } from './context.ts';

/** Everything the server knows about its own soundness, for the admin dashboard and `/api/health`. */
export function serverHealth(ctx: AppContext): ServerHealth {
  const { engine } = ctx;
  return {
    issuing: engine.issuing,
    clockJumps: [...engine.clockJumps],
    dayNotice: engine.dayNotice,
    journalRecovery: [...engine.journalRecovery],
    fileAlerts: [...ctx.fileAlerts],
  };
}
