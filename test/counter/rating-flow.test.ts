import { describe, expect, it } from 'vitest';
import { ASK_MS, isLowRating, stepRating, THANKS_MS, type RatingScreen } from '../../counter/rating/rating-flow.ts';
import type { RatingRequest } from '../../protocol/views.ts';

const request = (ticketId = 't1', scale: 3 | 5 = 3): RatingRequest => ({
  ticketId,
  label: '1001',
  clerkName: 'Nguyễn Văn An',
  counterId: 1,
  scale,
  at: 0,
});
const idle: RatingScreen = { kind: 'idle' };

describe('rating tablet flow', () => {
  it('asks when a ticket is finished and goes back to idle after the asking time', () => {
    const asking = stepRating(idle, { type: 'requested', request: request(), now: 1000 });
    expect(asking).toMatchObject({ kind: 'asking', until: 1000 + ASK_MS });
    expect(stepRating(asking, { type: 'tick', now: 1000 + ASK_MS - 1 }).kind).toBe('asking');
    expect(stepRating(asking, { type: 'tick', now: 1000 + ASK_MS })).toEqual(idle);
  });

  it('stops asking when the clerk undoes that finish, and only for that ticket', () => {
    const asking = stepRating(idle, { type: 'requested', request: request('t1'), now: 0 });
    expect(stepRating(asking, { type: 'withdrawn', ticketId: 't2' })).toBe(asking);
    expect(stepRating(asking, { type: 'withdrawn', ticketId: 't1' })).toEqual(idle);
    const reason = stepRating(asking, { type: 'chose', level: 1, now: 10 });
    expect(stepRating(reason, { type: 'withdrawn', ticketId: 't1' })).toEqual(idle);
  });

  it('sends a good rating at once, then thanks, then idle', () => {
    const asking = stepRating(idle, { type: 'requested', request: request(), now: 0 });
    const sending = stepRating(asking, { type: 'chose', level: 3, now: 10 });
    expect(sending).toMatchObject({ kind: 'sending', level: 3, reason: null });
    const thanks = stepRating(sending, { type: 'sent', now: 20 });
    expect(thanks).toEqual({ kind: 'thanks', until: 20 + THANKS_MS });
    expect(stepRating(thanks, { type: 'tick', now: 20 + THANKS_MS })).toEqual(idle);
  });

  it('asks for a reason after a low rating and sends it with the level', () => {
    const asking = stepRating(idle, { type: 'requested', request: request(), now: 0 });
    const reason = stepRating(asking, { type: 'chose', level: 1, now: 5 });
    expect(reason).toMatchObject({ kind: 'reason', level: 1 });
    expect(stepRating(reason, { type: 'reason', reason: 'Thời gian chờ lâu', now: 6 })).toMatchObject({
      kind: 'sending',
      level: 1,
      reason: 'Thời gian chờ lâu',
    });
  });

  it('takes one choice per ticket: a second tap while sending changes nothing', () => {
    const sending = stepRating(stepRating(idle, { type: 'requested', request: request(), now: 0 }), { type: 'chose', level: 2, now: 1 });
    expect(stepRating(sending, { type: 'chose', level: 3, now: 2 })).toBe(sending);
    expect(stepRating(sending, { type: 'requested', request: request('t2'), now: 3 })).toBe(sending);
  });

  it('ignores a level outside the scale', () => {
    const asking = stepRating(idle, { type: 'requested', request: request(), now: 0 });
    expect(stepRating(asking, { type: 'chose', level: 4, now: 1 })).toBe(asking);
  });

  it('keeps the timer when the same ticket is announced again (reconnect) and restarts it for a new ticket', () => {
    const asking = stepRating(idle, { type: 'requested', request: request('t1'), now: 0 });
    expect(stepRating(asking, { type: 'requested', request: request('t1'), now: 9_000 })).toBe(asking);
    expect(stepRating(asking, { type: 'requested', request: request('t2'), now: 9_000 })).toMatchObject({
      kind: 'asking',
      until: 9_000 + ASK_MS,
    });
  });

  it('shows a refusal (already rated) for a while, then idle', () => {
    const sending = stepRating(stepRating(idle, { type: 'requested', request: request(), now: 0 }), { type: 'chose', level: 3, now: 1 });
    const refused = stepRating(sending, { type: 'refused', message: 'Số thứ tự này đã được đánh giá. Xin cảm ơn.', now: 2 });
    expect(refused).toMatchObject({ kind: 'refused', until: 2 + THANKS_MS });
  });

  it('counts the bottom face, or one or two stars, as low', () => {
    expect([1, 2, 3].map((l) => isLowRating(l, 3))).toEqual([true, false, false]);
    expect([1, 2, 3, 4, 5].map((l) => isLowRating(l, 5))).toEqual([true, true, false, false, false]);
  });
});
