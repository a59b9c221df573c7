/**
 * One citizen's visit to the kiosk: where they are, what they typed and how they set the
 * screen. The idle reset replaces the whole session, so nothing of theirs reaches the next person.
 */
import type { Lang } from '../../client/i18n.ts';
import type { ResultError } from '../../protocol/result.ts';
import type { IssuedTicket, PrintOutcome } from '../../protocol/views.ts';

/** The screens of the kiosk; the session keeps them as a stack for the one-tap back. */
export type Screen =
  | { kind: 'home' }
  | { kind: 'search' }
  | { kind: 'services' }
  | { kind: 'field'; fieldId: string }
  | { kind: 'procedure'; code: string }
  | { kind: 'priority'; serviceId: string; procedureCode: string | null }
  | { kind: 'issued'; issued: IssuedTicket; procedureCode: string | null }
  | { kind: 'refused'; error: ResultError; serviceId: string };

export interface Session {
  /** Never empty; the first entry is always home. */
  stack: Screen[];
  query: string;
  lang: Lang;
  highContrast: boolean;
  largeText: boolean;
}

export type SessionAction =
  | { type: 'open'; screen: Screen }
  | { type: 'back' }
  | { type: 'home' }
  | { type: 'query'; query: string }
  | { type: 'lang'; lang: Lang }
  | { type: 'toggle'; option: 'highContrast' | 'largeText' }
  /** An issue finished: its outcome replaces the choice screens, so back leads home, not to a second ticket. */
  | { type: 'outcome'; screen: Extract<Screen, { kind: 'issued' | 'refused' }> }
  /** The printer finished a ticket whose issue answered `printing`: the confirmation now says what it did. */
  | { type: 'printed'; ticketId: string; print: PrintOutcome }
  | { type: 'reset' };

const home: Screen = { kind: 'home' };

/** The session a new citizen finds: home, Vietnamese, nothing typed, default display. */
export function freshSession(): Session {
  return { stack: [home], query: '', lang: 'vi', highContrast: false, largeText: false };
}

/** The screen on top of the stack, the one shown. */
export function currentScreen(session: Session): Screen {
  return session.stack[session.stack.length - 1] ?? home;
}

/** True when a citizen has left no trace, so there is nothing for the idle timer to clear. */
export function isPristine(session: Session): boolean {
  const fresh = freshSession();
  return (
    session.stack.length === 1 &&
    session.query === fresh.query &&
    session.lang === fresh.lang &&
    session.highContrast === fresh.highContrast &&
    session.largeText === fresh.largeText
  );
}

/** Every change of a session; `reset` is the idle timeout and the end of a visit. */
export function sessionReducer(session: Session, action: SessionAction): Session {
  switch (action.type) {
    case 'open':
      return { ...session, stack: [...session.stack, action.screen] };
    case 'back':
      return session.stack.length > 1 ? { ...session, stack: session.stack.slice(0, -1) } : session;
    case 'home':
      return { ...session, stack: [home], query: '' };
    case 'query':
      return { ...session, query: action.query };
    case 'lang':
      return { ...session, lang: action.lang };
    case 'toggle':
      return { ...session, [action.option]: !session[action.option] };
    case 'outcome':
      return {
        ...session,
        stack: action.screen.kind === 'issued' ? [home, action.screen] : [...dropChoices(session.stack), action.screen],
      };
    case 'printed':
      return {
        ...session,
        stack: session.stack.map((s) =>
          s.kind === 'issued' && s.issued.ticket.id === action.ticketId ? { ...s, issued: { ...s.issued, print: action.print } } : s,
        ),
      };
    case 'reset':
      return freshSession();
  }
}

/** A refusal keeps the procedure the citizen was reading, but not the priority question. */
function dropChoices(stack: Screen[]): Screen[] {
  return stack.filter((s) => s.kind !== 'priority' && s.kind !== 'refused');
}
