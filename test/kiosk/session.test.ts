import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../protocol/views.ts';
import { currentScreen, freshSession, isPristine, sessionReducer, type Session, type SessionAction } from '../../kiosk/state/session.ts';

const run = (...actions: SessionAction[]): Session => actions.reduce(sessionReducer, freshSession());
const issued = { ticket: { label: '1001' } } as IssuedTicket;

describe('kiosk session', () => {
  it('goes back one screen at a time and never past home', () => {
    const s = run(
      { type: 'open', screen: { kind: 'field', fieldId: 'ho-tich' } },
      { type: 'open', screen: { kind: 'procedure', code: '1.001193' } },
      { type: 'back' },
      { type: 'back' },
      { type: 'back' },
    );
    expect(s.stack).toEqual([{ kind: 'home' }]);
  });

  it('leads back home, not to the choice screens, after a ticket was issued', () => {
    const s = run(
      { type: 'open', screen: { kind: 'procedure', code: '1.001193' } },
      { type: 'open', screen: { kind: 'priority', serviceId: 'civil-status', procedureCode: '1.001193' } },
      { type: 'outcome', screen: { kind: 'issued', issued, procedureCode: '1.001193' } },
      { type: 'back' },
    );
    expect(currentScreen(s)).toEqual({ kind: 'home' });
  });

  it('keeps the procedure but drops the priority question under a refusal', () => {
    const s = run(
      { type: 'open', screen: { kind: 'procedure', code: '1.001193' } },
      { type: 'open', screen: { kind: 'priority', serviceId: 'civil-status', procedureCode: '1.001193' } },
      { type: 'outcome', screen: { kind: 'refused', error: { code: 'quota_reached', message: '' }, serviceId: 'civil-status' } },
      { type: 'back' },
    );
    expect(currentScreen(s)).toEqual({ kind: 'procedure', code: '1.001193' });
  });

  it('is pristine only when nothing of a citizen is left', () => {
    expect(isPristine(freshSession())).toBe(true);
    expect(isPristine(run({ type: 'lang', lang: 'en' }))).toBe(false);
    expect(isPristine(run({ type: 'toggle', option: 'largeText' }))).toBe(false);
    expect(isPristine(run({ type: 'query', query: 'kh' }))).toBe(false);
    expect(isPristine(run({ type: 'open', screen: { kind: 'search' } }))).toBe(false);
  });

  it('forgets language, display options, typed text and screens on reset', () => {
    const s = run(
      { type: 'lang', lang: 'en' },
      { type: 'toggle', option: 'highContrast' },
      { type: 'query', query: 'khai' },
      { type: 'open', screen: { kind: 'search' } },
      { type: 'reset' },
    );
    expect(s).toEqual(freshSession());
  });
});
