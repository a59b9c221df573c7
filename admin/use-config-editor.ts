import { useState } from 'preact/hooks';
import { useAdmin } from './admin-context.ts';
import type { SaveState } from './parts/save-status.tsx';
import { useReveal } from './use-reveal.ts';
import { useSiteConfig } from './use-site-config.ts';

/**
 * One editable list of the site config (services or counters): the open draft, the state of
 * the last save, and save/remove through `/api/config/<kind>/:id`, reloading the config after.
 */
export function useConfigEditor<Draft extends { isNew: boolean; id: string }>(kind: 'services' | 'counters') {
  const { api } = useAdmin();
  const { config, reload } = useSiteConfig();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const editor = useReveal<HTMLFormElement>(draft ? `${draft.isNew}:${draft.isNew ? '' : draft.id}` : null);
  const path = (id: string) => `/api/config/${kind}/${encodeURIComponent(id)}`;

  /** Saves the draft's item; the editor closes when the server accepts it. */
  const put = async (id: string, body: unknown) => {
    setSave({ kind: 'saving' });
    const r = await api.send('PUT', path(id), body);
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    if (r.ok) {
      setDraft(null);
      await reload();
    }
  };

  /** Removes an item after the admin confirms `question`. */
  const remove = async (id: string, question: string) => {
    if (!confirm(question)) return;
    const r = await api.send('DELETE', path(id));
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    if (r.ok) await reload();
  };

  return { config, draft, setDraft, save, editor, put, remove };
}
