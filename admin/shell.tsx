import type { Lang } from '../client/i18n.ts';
import { StaffBar } from '../client/staff-bar.tsx';
import { useConnectionState } from '../client/use-connection.ts';
import { useUpgradeReload } from '../client/use-upgrade-reload.ts';
import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from './admin-context.ts';
import { AuditPage } from './pages/audit-page.tsx';
import { CalendarPage } from './pages/calendar-page.tsx';
import { BackupPage } from './pages/backup-page.tsx';
import { CentrePage } from './pages/centre-page.tsx';
import { CountersPage } from './pages/counters-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { HealthPage } from './pages/health-page.tsx';
import { HubPage } from './pages/hub-page.tsx';
import { IntegrationsPage } from './pages/integrations-page.tsx';
import { LimitsPage } from './pages/limits-page.tsx';
import { PeoplePage } from './pages/people-page.tsx';
import { PrinterPage } from './pages/printer-page.tsx';
import { ProceduresPage } from './pages/procedures-page.tsx';
import { ReportsPage } from './pages/reports-page.tsx';
import { ServicesPage } from './pages/services-page.tsx';
import { VoicePage } from './pages/voice-page.tsx';

const pages = {
  dashboard: DashboardPage,
  health: HealthPage,
  reports: ReportsPage,
  centre: CentrePage,
  calendar: CalendarPage,
  services: ServicesPage,
  counters: CountersPage,
  voice: VoicePage,
  procedures: ProceduresPage,
  people: PeoplePage,
  printer: PrinterPage,
  backup: BackupPage,
  hub: HubPage,
  integrations: IntegrationsPage,
  limits: LimitsPage,
  audit: AuditPage,
} as const;
type PageName = keyof typeof pages;
/** Pages with nothing to type in: after an upgrade they reload by themselves once left alone. */
const readOnlyPages: ReadonlySet<PageName> = new Set(['dashboard', 'health', 'reports', 'audit', 'printer']);

function pageInHash(): PageName {
  const name = location.hash.slice(1);
  return name in pages ? (name as PageName) : 'dashboard';
}

/** The signed-in frame: navigation, language, sign-out, the connection banner, and one page. */
export function Shell(props: { onSignOut: () => void; onLang: (l: Lang) => void }) {
  const { t, lang, connection, user } = useAdmin();
  const online = useConnectionState(connection);
  const [page, setPage] = useState<PageName>(pageInHash);
  useEffect(() => {
    const onHash = () => setPage(pageInHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const upgrade = useUpgradeReload(connection, readOnlyPages.has(page), 30_000);
  const Page = pages[page];
  return (
    <div class="admin">
      <StaffBar
        t={t}
        brand={t('admin:title')}
        nav="admin:nav"
        pages={Object.keys(pages) as PageName[]}
        page={page}
        lang={lang}
        onLang={props.onLang}
        userName={user.name}
        onSignOut={props.onSignOut}
        online={online}
      />
      {upgrade !== null && (
        <p class="banner banner--upgrade" role="status">
          {t('admin:upgrade.banner')}{' '}
          <button type="button" onClick={() => connection.reloadForUpgrade()}>
            {t('admin:upgrade.reload')}
          </button>
        </p>
      )}
      <main class="admin-page" data-page={page}>
        <Page />
      </main>
    </div>
  );
}
