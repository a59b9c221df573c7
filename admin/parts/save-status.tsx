import type { ApiError } from '../admin-api.ts';
import { useAdmin } from '../admin-context.ts';

/** What became of the last save: done, or the server's translated reason. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: ApiError };

export function SaveStatus(props: { state: SaveState }) {
  const { t } = useAdmin();
  const s = props.state;
  if (s.kind === 'saved') return <p class="notice notice--ok" role="status">{t('admin:save.saved')}</p>;
  if (s.kind === 'saving') return <p class="notice" role="status">{t('admin:save.saving')}</p>;
  if (s.kind === 'failed') return <p class="notice notice--bad" role="alert">{s.error.message}</p>;
  return null;
}
