/**
 * The first `limit` items of a stream in a given order, kept sorted as they are offered. An
 * item that does not beat the current last costs one comparison, so picking the head of a long
 * queue is one pass, not a sort of the whole queue.
 */
export class FirstInOrder<T> {
  private readonly kept: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly order: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const { kept, limit, order } = this;
    if (limit <= 0) return;
    if (kept.length === limit && order(item, kept[kept.length - 1]!) >= 0) return;
    let at = kept.length;
    while (at > 0 && order(item, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.pop();
  }

  /** The kept items, in order. */
  items(): readonly T[] {
    return this.kept;
  }
}
