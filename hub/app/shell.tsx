import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../client/i18n.ts';
import { StaffBar } from '../../client/staff-bar.tsx';
import { useConnectionState } from '../../client/use-connection.ts';
import { useHubApp } from './hub-app-context.ts';
import { CataloguePage } from './pages/catalogue-page.tsx';
import { CentresPage } from './pages/centres-page.tsx';
import { IntegrationsPage } from './pages/integrations-page.tsx';
import { ReportsPage } from './pages/reports-page.tsx';
import { StatusPage } from './pages/status-page.tsx';
import { UsersPage } from './pages/users-page.tsx';

/** Pages, and whether a centre manager sees them too (the rest is the province admin's). */
const pages = {
  status: { page: StatusPage, managers: true },
  reports: { page: ReportsPage, managers: true },
  centres: { page: CentresPage, managers: false },
  catalogue: { page: CataloguePage, managers: false },
  integrations: { page: IntegrationsPage, managers: false },
  users: { page: UsersPage, managers: false },
} as const;
type PageName = keyof typeof pages;

/** The signed-in frame: navigation for the person's role, language, sign-out, the connection banner, one page. */
export function HubShell(props: { onSignOut: () => void; onLang: (l: Lang) => void }) {
  const { t, lang, connection, user } = useHubApp();
  const online = useConnectionState(connection);
  const allowed = (Object.keys(pages) as PageName[]).filter((p) => user.role === 'province_admin' || pages[p].managers);
  const pageInHash = (): PageName => {
    const name = location.hash.slice(1) as PageName;
    return allowed.includes(name) ? name : 'status';
  };
  const [page, setPage] = useState<PageName>(pageInHash);
  useEffect(() => {
    const onHash = () => setPage(pageInHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const Page = pages[page].page;
  return (
    <div class="admin hub">
      <StaffBar
        t={t}
        brand={user.centreCode ? t('hub:titleCentre', { code: user.centreCode }) : t('hub:title')}
        nav="hub:nav"
        pages={allowed}
        page={page}
        lang={lang}
        onLang={props.onLang}
        userName={user.name}
        onSignOut={props.onSignOut}
        online={online}
      />
      <main class="admin-page" data-page={page}>
        <Page />
      </main>
    </div>
  );
}
