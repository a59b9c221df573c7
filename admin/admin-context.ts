import type { i18n, TFunction } from 'i18next';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Connection } from '../client/connection.ts';
import type { AdminApi } from './admin-api.ts';

/** What every admin page needs: strings in the chosen language, the API and the live connection. */
export interface AdminContextValue {
  i18n: i18n;
  t: TFunction;
  lang: 'vi' | 'en';
  api: AdminApi;
  connection: Connection;
  user: { id: string; name: string; username: string };
}

export const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error('useAdmin outside the signed-in admin app');
  return value;
}

/** A name in the chosen language. */
export function named(name: { vi: string; en: string }, lang: 'vi' | 'en'): string {
  return name[lang];
}
