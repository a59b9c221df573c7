import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveOf } from '../../server/app/centre-live.ts';
import { waitFor } from '../support/wait-for.ts';
import { DisplayFixture } from './display-fixture.ts';

const idle = {
  shipping: { pendingEvents: 0, oldestPendingAt: null, lastShippedAt: null, blocked: null },
  lastEventAt: null,
  catalogueVersion: null,
};

/** The same rule as display-sound.test.ts: audio stays suspended until the page has had a gesture. */
const autoplayRule = `
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    constructor(options) {
      super(options);
      void super.suspend();
    }
    resume() {
      return navigator.userActivation.hasBeenActive ? super.resume() : new Promise(() => {});
    }
  };
`;

describe('boards tell the centre whether they can make sound', () => {
  let f: DisplayFixture;
  beforeAll(async () => {
    f = await DisplayFixture.start();
  });
  afterAll(async () => {
    await f?.close();
  });

  const boards = () => liveOf(f.server.server.ctx, f.server.server.io, idle).devices.boards;

  it('counts a blocked board and a lobby board set silent, not a counter-top board, and a board that gets its sound back', async () => {
    await f.openBoard('/display/');
    await waitFor(() => boards().online === 1, 'the board to be counted');
    const blocked = await f.openBoard('/display/', undefined, async (p) => {
      await p.addInitScript(autoplayRule);
    });
    await f.openBoard('/display/?voice=off');
    // A counter-top board is silent by design: the lobby board speaks its calls.
    await f.openBoard('/display/counter/1');
    await waitFor(() => boards().online === 4 && boards().soundOff === 2, 'the blocked and the silent board');
    await blocked.click('[data-testid=sound-indicator]');
    await waitFor(() => boards().soundOff === 1, 'the unblocked board to report its sound');
    expect(boards()).toEqual({ online: 4, soundOff: 1 });
  });
});
