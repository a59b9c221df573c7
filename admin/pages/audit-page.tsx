import { useAdmin } from '../admin-context.ts';
import { useLoaded } from '../use-loaded.ts';
import { useCentreTime } from '../use-centre-time.ts';

/** Who changed what and when, newest first. */
export function AuditPage() {
  const { t } = useAdmin();
  const { data } = useLoaded('audit', 10_000, { query: { limit: 300 } });
  const timeText = useCentreTime();
  return (
    <section>
      <h1>{t('admin:audit.title')}</h1>
      {data?.length === 0 && <p>{t('admin:audit.none')}</p>}
      <table class="table audit">
        <thead>
          <tr>
            <th>{t('admin:audit.when')}</th>
            <th>{t('admin:audit.who')}</th>
            <th>{t('admin:audit.what')}</th>
            <th>{t('admin:audit.subject')}</th>
            <th>{t('admin:audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.map((e, i) => (
            <tr key={`${e.at}-${i}`} data-action={e.action}>
              <td>{timeText(e.at)}</td>
              <td>{e.actor.name}</td>
              <td>{t(`admin:audit.actions.${e.action.replaceAll('.', '_')}`, { defaultValue: e.action })}</td>
              <td>{e.subject}</td>
              <td>
                {(e.before !== undefined || e.after !== undefined) && (
                  <details>
                    <summary>{t('admin:audit.show')}</summary>
                    {e.before !== undefined && <pre>{`${t('admin:audit.before')}: ${JSON.stringify(e.before, null, 1)}`}</pre>}
                    {e.after !== undefined && <pre>{`${t('admin:audit.after')}: ${JSON.stringify(e.after, null, 1)}`}</pre>}
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
