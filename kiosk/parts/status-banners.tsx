import type { PrinterState } from '../../protocol/views.ts';
import { useKiosk } from '../kiosk-context.ts';

const outOfPaper: ReadonlySet<PrinterState> = new Set(['paper_out']);

/**
 * Told before the citizen chooses: the connection is lost, the centre cannot issue numbers at
 * all (its disk cannot be written), or the ticket printer cannot print (numbers are still given
 * on screen with their QR code).
 */
export function StatusBanners() {
  const { t, data } = useKiosk();
  const printer = data.snapshot?.printer;
  const issuing = data.snapshot?.issuing;
  return (
    <div class="banners" aria-live="polite">
      {data.offline && (
        <p class="banner offline" role="alert">
          {t('common:offline')}
        </p>
      )}
      {data.online && issuing && !issuing.ok && (
        <p class="banner offline" role="alert" data-testid="cannot-issue">
          {t('common:cannotIssue.citizen')}{' '}
          <small>{t('common:cannotIssue.reason', { reason: t(`errors:storeProblem.${issuing.problem}`) })}</small>
        </p>
      )}
      {data.online && printer && !printer.canPrint && (
        <p class="banner printer" role="status">
          {t(outOfPaper.has(printer.state) ? 'kiosk:printer.paper_out' : 'kiosk:printer.unavailable')}
        </p>
      )}
    </div>
  );
}
