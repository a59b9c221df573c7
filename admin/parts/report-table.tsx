import type { SatisfactionBlock, StatBlock } from '../../protocol/views.ts';
import { useAdmin } from '../admin-context.ts';
import { minutesText, percentText } from '../../client/figures.ts';

/** One row of a report table: its name, its figures and, where there are ratings, those. */
export interface ReportRow {
  key: string;
  label: string;
  stats: StatBlock;
  rating?: SatisfactionBlock;
}

/** The figures a manager reports, one row per service, counter, clerk or hour. */
export function ReportTable(props: { rows: ReportRow[]; firstColumn: string; testId: string; withRatings: boolean }) {
  const { t } = useAdmin();
  return (
    <table class="table report-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.firstColumn}</th>
          <th>{t('admin:figures.issued')}</th>
          <th>{t('admin:figures.served')}</th>
          <th>{t('admin:figures.noShow')}</th>
          <th>{t('admin:figures.avgWaitShort')}</th>
          <th>{t('admin:figures.p90Wait')}</th>
          <th>{t('admin:figures.avgService')}</th>
          <th>{t('admin:figures.withinTargetShort')}</th>
          {props.withRatings && <th>{t('admin:figures.rated')}</th>}
          {props.withRatings && <th>{t('admin:figures.satisfied')}</th>}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            <th scope="row">{r.label}</th>
            <td data-col="issued">{r.stats.issued}</td>
            <td data-col="served">{r.stats.served}</td>
            <td data-col="noShow">{r.stats.noShow}</td>
            <td data-col="avgWait">{minutesText(r.stats.avgWaitMinutes)}</td>
            <td data-col="p90Wait">{minutesText(r.stats.p90WaitMinutes)}</td>
            <td data-col="avgService">{minutesText(r.stats.avgServiceMinutes)}</td>
            <td data-col="withinTarget">{percentText(r.stats.withinTargetShare)}</td>
            {props.withRatings && <td data-col="rated">{r.rating?.rated ?? 0}</td>}
            {props.withRatings && <td data-col="satisfied">{percentText(r.rating?.satisfiedShare)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
