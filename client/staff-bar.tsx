import type { TFunction } from 'i18next';
import type { Lang } from './i18n.ts';
import type { ConnectionState } from './connection.ts';

/**
 * The top of a staff app (the centre's admin, the province's app): its name, the pages it has,
 * the language switch, who is signed in and the sign-out, and below it the banner while the
 * live connection is down.
 */
export function StaffBar<P extends string>(props: {
  t: TFunction;
  brand: string;
  /** The i18next prefix of the navigation's strings: `${ns}.label` and `${ns}.${page}`. */
  nav: string;
  pages: readonly P[];
  page: P;
  lang: Lang;
  onLang: (lang: Lang) => void;
  userName: string;
  onSignOut: () => void;
  online: ConnectionState;
}) {
  const { t } = props;
  return (
    <>
      <header class="admin-bar">
        <strong class="admin-brand">{props.brand}</strong>
        <nav aria-label={t(`${props.nav}.label`)}>
          {props.pages.map((name) => (
            <a key={name} href={`#${name}`} aria-current={name === props.page ? 'page' : undefined}>
              {t(`${props.nav}.${name}`)}
            </a>
          ))}
        </nav>
        <div class="admin-user">
          <button type="button" class="link" onClick={() => props.onLang(props.lang === 'vi' ? 'en' : 'vi')}>
            {props.lang === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
          <span>{props.userName}</span>
          <button type="button" class="link" onClick={props.onSignOut}>
            {t('common:signIn.signOut')}
          </button>
        </div>
      </header>
      {props.online !== 'online' && (
        <p class="banner banner--down" role="status">
          {t(props.online === 'connecting' ? 'common:connecting' : 'common:offline')}
        </p>
      )}
    </>
  );
}
