import type { KeyAction } from '../../hardware/call-button/index.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import type { CounterCommand } from '../core/counter-commands.ts';

/** What the call buttons' PAUSE key records as the reason; the button has no way to say more. */
export const BUTTON_PAUSE_REASON = 'Tạm dừng từ nút gọi';

/**
 * The counter command a call-button key stands for, or the short error text for the button's
 * display when the key names something the centre does not have (an unknown service code).
 */
export function commandOfKey(action: KeyAction, config: SiteConfig): { ok: true; command: CounterCommand } | { ok: false; text: string } {
  switch (action.key) {
    case 'NEXT':
      return { ok: true, command: { kind: 'next' } };
    case 'RECALL':
      return { ok: true, command: { kind: 'recall' } };
    case 'NOSHOW':
      return { ok: true, command: { kind: 'no_show' } };
    case 'FINISH':
      return { ok: true, command: { kind: 'finish' } };
    case 'PAUSE':
      return { ok: true, command: { kind: 'pause', reason: BUTTON_PAUSE_REASON } };
    case 'RESUME':
      return { ok: true, command: { kind: 'resume' } };
    case 'TRANSFER': {
      const { target } = action;
      if (target.kind === 'counter') return { ok: true, command: { kind: 'transfer', toCounterId: target.counter } };
      const service = config.services.find((s) => s.code === target.code && s.enabled);
      return service ? { ok: true, command: { kind: 'transfer', toServiceId: service.id } } : { ok: false, text: 'E-SVC' };
    }
  }
}

/**
 * Short codes for the button's 8-character display, one per refusal a clerk can cause from a
 * button; anything else shows as `ERR` and the details are in the log.
 */
const refusalText: Record<string, string> = {
  counter_paused: 'PAUSED',
  // A second NEXT right after a call: the citizen just called is not finished.
  next_too_soon: 'WAIT',
  counter_closed: 'CLOSED',
  counter_not_paused: 'NOT-PAUS',
  counter_busy: 'BUSY',
  no_current_ticket: 'NO-TKT',
  ticket_not_called: 'NOT-CALL',
  ticket_being_served: 'SERVING',
  recall_limit_reached: 'MAX-RCL',
  transfer_to_same: 'SAME',
  transfer_target_required: 'E-ARG',
  unknown_counter: 'E-CTR',
  unknown_service: 'E-SVC',
  store_unavailable: 'E-STORE',
};

/** The `ERR` text for a refused command's error code. */
export function refusalDisplayText(code: string): string {
  return refusalText[code] ?? 'ERR';
}
