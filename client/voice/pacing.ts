/**
 * The silences of an announcement (issue 18: the gaps after the number were 13–40 ms, the same
 * as inside it, so nothing told the ear where the number ended). Word clips keep only a short
 * natural tail; every pause that carries meaning is placed here, explicitly.
 */

/** After the ticket number or the counter, when more follows: the number has ended. */
export const PAUSE_AFTER_SLOT_MS = 300;
/** Before a number, after the words that introduce it. */
export const PAUSE_BEFORE_SLOT_MS = 100;
/** Between the letters and the digits of a label ("bê · một trăm …"), and between digit runs. */
export const PAUSE_INSIDE_LABEL_MS = 80;
/** After the chime, before the first word. */
export const PAUSE_AFTER_CHIME_MS = 150;
/** Between the Vietnamese and the English sentence. */
export const PAUSE_BETWEEN_SENTENCES_MS = 500;
/** Between two announcements played back to back, so two calls never run together. */
export const PAUSE_BETWEEN_ANNOUNCEMENTS_MS = 400;
