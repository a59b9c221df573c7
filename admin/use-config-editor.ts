import { useState } from 'preact/hooks';
import type { RouteResult } from '../protocol/routes.ts';
import type { SaveState } from './parts/save-status.tsx';
import { useReveal } from './use-reveal.ts';
import { useSiteConfig } from './use-site-config.ts';

/** The calls that change one item of the config; each answers with the config as stored. */
type ConfigEdit = Promise<RouteResult<'saveService' | 'removeService' | 'saveCounter' | 'removeCounter'>>;

/**
 * One editable list of the site config (services or counters): the open draft, the state of
 * the last save, and save/remove through the list's routes, reloading the config after.
 */
export function useConfigEditor<Draft extends { isNew: boolean; id: string }>() {
  const { config, reload } = useSiteConfig();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const editor = useReveal<HTMLFormElement>(draft ? `${draft.isNew}:${draft.isNew ? '' : draft.id}` : null);

  /** Saves the draft's item with `send`; the editor closes when the server accepts it. */
  const put = async (send: () => ConfigEdit) => {
    setSave({ kind: 'saving' });
    const r = await send();
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    if (r.ok) {
      setDraft(null);
      await reload();
    }
  };

  /** Removes an item after the admin confirms `question`. */
  const remove = async (question: string, send: () => ConfigEdit) => {
    if (!confirm(question)) return;
    const r = await send();
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    if (r.ok) await reload();
  };

  return { config, draft, setDraft, save, editor, put, remove };
}
