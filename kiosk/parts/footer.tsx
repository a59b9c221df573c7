import { useKiosk } from '../kiosk-context.ts';

/** The hotline, and a discreet note when the catalogue is the demonstration sample. */
export function Footer() {
  const { t, data } = useKiosk();
  const hotline = data.snapshot?.hotline;
  return (
    <footer class="footer">
      {hotline && <span>{t('kiosk:footer.hotline', { hotline })}</span>}
      {data.catalogue?.sample && <span class="sample-note">{t('kiosk:footer.sample')}</span>}
    </footer>
  );
}
