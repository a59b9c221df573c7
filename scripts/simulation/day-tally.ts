import type { WaitEstimate } from '../../protocol/views.ts';

/** What the simulator itself did and saw, counted as the server acknowledged it. */
export interface DayTally {
  issued: number;
  /** Refused at the kiosk, by error code (after the cutoff, quota reached…). */
  refused: Record<string, number>;
  /** Rate-limit refusals that were retried on another kiosk or later. */
  rateLimitedRetries: number;
  printed: number;
  called: number;
  served: number;
  noShow: number;
  transferred: number;
  recalled: number;
  rated: number;
  ratingSum: number;
  /**
   * Ratings that reached the server after the prompt's 30 s had passed on the centre's clock: on
   * a clock running hundreds of times too fast, 30 s are a few real ms, less than a round trip.
   */
  ratingsTooLate: number;
  breaks: number;
  buttonPresses: number;
  consoleCommands: number;
  /** Calls seen by each display client (each should see every call). */
  displayCalls: number[];
  /** Commands the server refused that a correct clerk would not expect to be refused. */
  unexpected: string[];
  /** Label of every number the kiosks were given, with the ticket id and the wait estimate shown at issue. */
  numbers: Array<{ label: string; id: string; wait: WaitEstimate }>;
}

export function emptyTally(displays: number): DayTally {
  return {
    issued: 0,
    refused: {},
    rateLimitedRetries: 0,
    printed: 0,
    called: 0,
    served: 0,
    noShow: 0,
    transferred: 0,
    recalled: 0,
    rated: 0,
    ratingSum: 0,
    ratingsTooLate: 0,
    breaks: 0,
    buttonPresses: 0,
    consoleCommands: 0,
    displayCalls: Array.from({ length: displays }, () => 0),
    unexpected: [],
    numbers: [],
  };
}
