import { useState } from 'preact/hooks';
import { saveFile } from '../../client/save-file.ts';
import { useAdmin } from '../admin-context.ts';
import { FilePicker } from '../../client/file-picker.tsx';
import type { VoicePackStatus } from '../../protocol/voice/voice-pack.ts';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; clips: number }
  | { kind: 'refused'; message: string; problems: string[] };

/** The pack as one file: export it (to keep, or for another centre), import one in place of this one. */
export function VoicePackTransfer({ onImported }: { onImported: (status: VoicePackStatus) => void }) {
  const { t, api } = useAdmin();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const exportPack = async () => {
    const blob = await api.download('exportVoicePack');
    if (blob) saveFile(blob, `motcua-voice-pack-${new Date().toISOString().slice(0, 10)}.json.gz`);
  };
  const importPack = async (file: File, input: HTMLInputElement) => {
    input.value = '';
    if (!confirm(t('admin:voicePack.confirmImport'))) return;
    setState({ kind: 'checking' });
    const r = await api.upload('importVoicePack', file, 'application/gzip');
    if (!r.ok) return setState({ kind: 'refused', message: r.error.message, problems: r.problems ?? [] });
    setState({ kind: 'done', clips: r.value.clips.filter((c) => c.recorded).length + r.value.unused.length });
    onImported(r.value);
  };
  return (
    <div class="panel">
      <h2>{t('admin:voicePack.transferTitle')}</h2>
      <p class="hint">{t('admin:voicePack.transferHint')}</p>
      <div class="form-actions">
        <button type="button" class="secondary" onClick={() => void exportPack()}>
          {t('admin:voicePack.export')}
        </button>
        <FilePicker
          name="voice-pack-file"
          accept=".gz,application/gzip"
          label={t('admin:voicePack.import')}
          onFile={(f, input) => void importPack(f, input)}
        />
      </div>
      {state.kind === 'checking' && <p role="status">{t('admin:voicePack.checking')}</p>}
      {state.kind === 'done' && (
        <p class="notice notice--ok" role="status">
          {t('admin:voicePack.imported', { count: state.clips })}
        </p>
      )}
      {state.kind === 'refused' && (
        <div class="notice notice--bad" role="alert">
          <p>{state.message}</p>
          <ul class="problems">
            {state.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
