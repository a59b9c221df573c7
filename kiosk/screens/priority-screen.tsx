import { useKiosk } from '../kiosk-context.ts';

/** Reached only through the priority button: which group the citizen belongs to, then the number at once. */
export function PriorityScreen(props: { serviceId: string; procedureCode: string | null }) {
  const { t, session, data, issue, issuing } = useKiosk();
  const groups = data.snapshot?.priorityGroups ?? [];
  return (
    <section class="screen priority">
      <h1>{t('kiosk:priority.heading')}</h1>
      <div class="choices">
        {groups.map((g) => (
          <button
            type="button"
            key={g.id}
            class="choice"
            data-priority={g.id}
            disabled={issuing || !data.online}
            onClick={() => issue(props.serviceId, props.procedureCode, g.id)}
          >
            {g.name[session.lang]}
          </button>
        ))}
      </div>
      <p class="hint">{t('kiosk:priority.hint')}</p>
    </section>
  );
}
