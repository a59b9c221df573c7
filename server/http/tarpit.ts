/**
 * Refusals of a flood are answered late. A flooder keeping 100 requests in flight and sending
 * the next as soon as one is answered would otherwise cost the server as many refusals a
 * second as it can send; held for a second, those 100 in flight are 100 a second. The more of
 * one address's refusals are already waiting, the longer the next waits (one more second for
 * every `stepEvery` of them, up to `maxHoldMs`): a phone refused now and then waits a second,
 * a flooder's 60 connections get about 10 answers a second instead of 60. At most `maxHeld` answers
 * wait at once (each holds a connection open); past that they go at once.
 */
export class Tarpit {
  private held = 0;
  private readonly heldByKey = new Map<string, number>();

  constructor(
    private readonly holdMs = 1000,
    private readonly maxHeld = 1000,
    private readonly stepEvery = 10,
    private readonly maxHoldMs = 10_000,
  ) {}

  /** Runs `answer` after the hold, or at once when too many are held; never when the client has gone. */
  hold(res: { once(event: 'close', listener: () => void): unknown }, answer: () => void, key: string): void {
    if (this.held >= this.maxHeld) {
      answer();
      return;
    }
    const waiting = this.heldByKey.get(key) ?? 0;
    this.held++;
    this.heldByKey.set(key, waiting + 1);
    let done = false;
    const release = () => {
      if (done) return false;
      done = true;
      this.held--;
      const left = (this.heldByKey.get(key) ?? 1) - 1;
      if (left > 0) this.heldByKey.set(key, left);
      else this.heldByKey.delete(key);
      return true;
    };
    const timer = setTimeout(
      () => {
        if (release()) answer();
      },
      Math.min(this.maxHoldMs, this.holdMs * (1 + Math.floor(waiting / this.stepEvery))),
    );
    res.once('close', () => {
      if (release()) clearTimeout(timer);
    });
  }
}
