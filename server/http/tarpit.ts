/**
 * Refusals of a flood are answered late. A flooder keeping 100 requests in flight and sending
 * the next as soon as one is answered would otherwise cost the server as many refusals a
 * second as it can send; held for a second, those 100 in flight are 100 a second. At most
 * `maxHeld` answers wait at once (each holds a connection open); past that they go at once.
 */
export class Tarpit {
  private held = 0;

  constructor(
    private readonly holdMs = 1000,
    private readonly maxHeld = 1000,
  ) {}

  /** Runs `answer` after the hold, or at once when too many are held; never when the client has gone. */
  hold(res: { once(event: 'close', listener: () => void): unknown }, answer: () => void): void {
    if (this.held >= this.maxHeld) {
      answer();
      return;
    }
    this.held++;
    let done = false;
    const release = () => {
      if (done) return false;
      done = true;
      this.held--;
      return true;
    };
    const timer = setTimeout(() => {
      if (release()) answer();
    }, this.holdMs);
    res.once('close', () => {
      if (release()) clearTimeout(timer);
    });
  }
}
