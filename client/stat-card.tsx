/** One headline figure of the dashboard or a report. */
export function StatCard(props: { label: string; value: string | number; tone?: 'good' | 'bad' | 'plain'; testId?: string }) {
  return (
    <div class={`stat-card stat-card--${props.tone ?? 'plain'}`} data-testid={props.testId}>
      <span class="stat-label">{props.label}</span>
      <strong class="stat-value">{props.value}</strong>
    </div>
  );
}
