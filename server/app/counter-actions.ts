import type { Result } from '../../protocol/result.ts';
import type { CounterSnapshot } from '../../protocol/views.ts';
import type { CounterCommand } from '../core/counter-commands.ts';
import type { Actor } from '../core/model.ts';
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
): Promise<Result<CounterSnapshot>> {
  const outcome = await ctx.engine.execute({ kind: 'counter', counterId, command }, actor);
  if (!outcome.ok) return failure(ctx.translator, lang, outcome.refusal, ctx.site.get().centre.timeZone);
  return viewOfCounter(ctx, counterId, lang);
}

export function viewOfCounter(ctx: AppContext, counterId: number, lang: Lang): Result<CounterSnapshot> {
  const view = counterSnapshot(ctx.site.get(), ctx.engine.state, counterId, ctx.clock.now(), (id) => clerkName(ctx, id));
  return view
    ? { ok: true, value: { ...view, viewAt: ctx.clock.monotonic(), issuing: ctx.engine.issuing } }
    : failure(ctx.translator, lang, { code: 'unknown_counter' }, ctx.site.get().centre.timeZone);
}

export function clerkName(ctx: AppContext, userId: string): string | null {
  return ctx.auth.users().find((u) => u.id === userId)?.name ?? null;
}
