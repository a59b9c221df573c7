import type { ApiError } from '../admin-api.ts';
import { useAdmin } from '../admin-context.ts';

/** What became of the last save: done, or the server's translated reason. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: ApiError };

/** `savedText` says what a save changed, when it is not the screens (the default). */
export function SaveStatus(props: { state: SaveState; savedText?: string }) {
  const { t } = useAdmin();
  const s = props.state;
  if (s.kind === 'saved')
    return (
      <p class="notice notice--ok" role="status">
        {props.savedText ?? t('admin:save.saved')}
      </p>
    );
  if (s.kind === 'saving')
    return (
      <p class="notice" role="status">
        {t('admin:save.saving')}
      </p>
    );
  if (s.kind === 'failed')
    return (
      <p class="notice notice--bad" role="alert">
        {s.error.message}
      </p>
    );
  return null;
}

/** Save and cancel for an editor form, with the state of the last save when it has one. */
export function EditorActions(props: { onCancel: () => void; state?: SaveState }) {
  const { t } = useAdmin();
  return (
    <div class="form-actions">
      <button type="submit">{t('admin:save.button')}</button>
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('admin:cancel')}
      </button>
      {props.state && <SaveStatus state={props.state} />}
    </div>
  );
}
