/**
 * Numbers calls so that only the latest one's answer is used. A page asking again with other
 * filters (a report by service, then by week) must not show the first answer when it comes last.
 */
export class LatestCall {
  private count = 0;

  /** Starts a call; the function it returns says whether that call is still the latest. */
  begin(): () => boolean {
    const mine = ++this.count;
    return () => mine === this.count;
  }
}
