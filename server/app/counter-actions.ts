import type { Result } from '../../protocol/result.ts';
import type { CounterSnapshot } from '../../protocol/views.ts';
import type { CounterCommand } from '../core/counter-commands.ts';
import type { Actor } from '../core/model.ts';
import { undoPreview } from '../core/undo.ts';
import type { Lang } from '../i18n.ts';
import { counterSnapshot } from '../views/counter-view.ts';
import type { AppContext } from './context.ts';
import { failure } from './results.ts';

/** Runs a clerk's command on a counter (console or call button) and answers with the counter's view. */
export async function runCounterCommand(
  ctx: AppContext,
  actor: Actor,
  counterId: number,
  command: CounterCommand,
  lang: Lang,
  socketId?: string,
): Promise<Result<CounterSnapshot>> {
  const outcome = await ctx.engine.execute({ kind: 'counter', counterId, command }, actor);
  if (!outcome.ok) return failure(ctx.translator, lang, outcome.refusal, ctx.site.get().centre.timeZone);
  return viewOfCounter(ctx, counterId, lang, socketId);
}

/**
 * The counter's view as the console of `socketId` sees it: whether it holds the counter, who
 * does, and what Undo would put back. Without a socket (a call button) it is a viewer's.
 */
export function viewOfCounter(ctx: AppContext, counterId: number, lang: Lang, socketId?: string): Result<CounterSnapshot> {
  const view = counterSnapshot(ctx.site.get(), ctx.engine.state, counterId, ctx.clock.now(), (id) => clerkName(ctx, id));
  if (!view) return failure(ctx.translator, lang, { code: 'unknown_counter' }, ctx.site.get().centre.timeZone);
  const holder = ctx.holders.holder(counterId);
  const monotonic = ctx.clock.monotonic();
  return {
    ok: true,
    value: {
      ...view,
      viewAt: monotonic,
      issuing: ctx.engine.issuing,
      timeZone: ctx.site.get().centre.timeZone,
      control: socketId !== undefined && ctx.holders.holds(counterId, socketId) ? 'holding' : 'viewing',
      holder: holder && { clerkName: clerkName(ctx, holder.userId), online: holder.socketId !== null, since: holder.since },
      undo: undoPreview(ctx.engine.state, ctx.engine.recent, counterId, monotonic),
    },
  };
}

export function clerkName(ctx: AppContext, userId: string): string | null {
  return ctx.auth.users().find((u) => u.id === userId)?.name ?? null;
}
