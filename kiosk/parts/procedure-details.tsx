import type { Procedure } from '../../protocol/catalogue.ts';
import { useKiosk } from '../kiosk-context.ts';
import { QrCode } from './qr-code.tsx';

/** What the portal says about a procedure, in the order a citizen needs it: papers first. */
export function ProcedureDetails(props: { procedure: Procedure }) {
  const { t, lang } = useKiosk();
  const p = props.procedure;
  return (
    <div class="procedure-details" lang="vi">
      {lang !== 'vi' && (
        <p class="note" lang={lang}>
          {t('kiosk:procedure.in_vietnamese')}
        </p>
      )}
      <section>
        <h2 lang={lang}>{t('kiosk:procedure.papers')}</h2>
        {p.dossier.map((group, i) => (
          <div class="dossier-case" key={i}>
            {group.title && <h3>{group.title}</h3>}
            <ul class="papers">
              {group.components.map((c, j) => (
                <li key={j}>
                  <span class="paper-name">{c.name}</span>
                  <span class="paper-counts" lang={lang}>
                    {c.shownOnly ? (
                      <span class="badge shown">{t('kiosk:procedure.shown')}</span>
                    ) : (
                      c.originals > 0 && <span class="badge">{t('kiosk:procedure.originals', { count: c.originals })}</span>
                    )}
                    {c.copies > 0 && <span class="badge">{t('kiosk:procedure.copies', { count: c.copies })}</span>}
                  </span>
                  {c.form && <span class="paper-form">{t('kiosk:procedure.form', { form: c.form })}</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section>
        <h2 lang={lang}>{t('kiosk:procedure.filing')}</h2>
        <ul class="filing">
          {p.filing.map((f) => (
            <li key={f.channel}>
              <h3 lang={lang}>{t(`kiosk:procedure.channel.${f.channel}`)}</h3>
              <p>
                <strong lang={lang}>{t('kiosk:procedure.time_limit')}:</strong> {f.timeLimit.text}
              </p>
              <p>
                <strong lang={lang}>{t('kiosk:procedure.fee')}:</strong> {f.fee.text}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {p.requirements.length > 0 && <TextList heading={t('kiosk:procedure.requirements')} items={p.requirements} />}
      <TextList heading={t('kiosk:procedure.steps')} items={p.steps} />
      <section>
        <h2 lang={lang}>{t('kiosk:procedure.result')}</h2>
        <p>{p.result}</p>
      </section>
      <section>
        <h2 lang={lang}>{t('kiosk:procedure.agency')}</h2>
        <p>{[p.agency, ...p.coordinatingAgencies].join('; ')}</p>
      </section>
      {p.portalUrl && (
        <section class="portal">
          <QrCode text={p.portalUrl} label={t('kiosk:procedure.portal')} />
          <p lang={lang}>{t('kiosk:procedure.portal')}</p>
        </section>
      )}
    </div>
  );
}

function TextList(props: { heading: string; items: readonly string[] }) {
  const { lang } = useKiosk();
  return (
    <section>
      <h2 lang={lang}>{props.heading}</h2>
      <ul class="text-list">
        {props.items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
