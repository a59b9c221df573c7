import { useKiosk } from '../kiosk-context.ts';

/** Asked only when the centre lets the kiosk give priority numbers; "no" is the first, largest choice. */
export function PriorityScreen(props: { serviceId: string; procedureCode: string | null }) {
  const { t, session, data, issue, issuing } = useKiosk();
  const groups = data.snapshot?.priorityGroups ?? [];
  const choose = (group: string | null) => issue(props.serviceId, props.procedureCode, group);
  return (
    <section class="screen priority">
      <h1>{t('kiosk:priority.heading')}</h1>
      <div class="choices">
        <button type="button" class="primary big" data-priority="none" disabled={issuing || !data.online} onClick={() => choose(null)}>
          {t('kiosk:priority.none')}
        </button>
        {groups.map((g) => (
          <button
            type="button"
            key={g.id}
            class="choice"
            data-priority={g.id}
            disabled={issuing || !data.online}
            onClick={() => choose(g.id)}
          >
            {g.name[session.lang]}
          </button>
        ))}
      </div>
      <p class="hint">{t('kiosk:priority.hint')}</p>
    </section>
  );
}
