import type { PrinterState } from '../../protocol/views.ts';
import { useKiosk } from '../kiosk-context.ts';

const outOfPaper: ReadonlySet<PrinterState> = new Set(['paper_out']);

/**
 * Told before the citizen chooses: the connection is lost, or the ticket printer cannot print
 * (numbers are still given on screen with their QR code).
 */
export function StatusBanners() {
  const { t, data } = useKiosk();
  const printer = data.snapshot?.printer;
  return (
    <div class="banners" aria-live="polite">
      {data.offline && (
        <p class="banner offline" role="alert">
          {t('common:offline')}
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
