import { useAdmin } from '../admin-context.ts';
import type { ClipTakes } from '../voice/use-clip-takes.ts';
import { FilePicker } from '../../client/file-picker.tsx';
import type { RecordedClipView } from '../../protocol/voice/voice-pack.ts';

/** One clip the page offers to record. */
export interface ClipRowData {
  id: string;
  language: 'vi' | 'en';
  text: string;
  group: 'phrase' | 'letter' | 'number';
  recorded: RecordedClipView | null;
}

/** Props of {@link VoiceClipTable}. */
export interface VoiceClipTableProps {
  clips: readonly ClipRowData[];
  takes: ClipTakes;
  onPlay: (clip: RecordedClipView) => void;
  onRemove: (id: string) => void;
}

const groups = ['phrase', 'letter', 'number'] as const;

/** The clips to record, grouped (phrases, letters, number words) per language, each with its take, upload, playback and removal. */
export function VoiceClipTable({ clips, takes, onPlay, onRemove }: VoiceClipTableProps) {
  const { t } = useAdmin();
  const sections = (['vi', 'en'] as const).flatMap((language) =>
    groups.map((group) => ({ language, group, rows: clips.filter((c) => c.language === language && c.group === group) })),
  );
  return (
    <table class="table voice-clips">
      <thead>
        <tr>
          <th>{t('admin:voicePack.clip')}</th>
          <th>{t('admin:voicePack.state')}</th>
          <th>{t('admin:voicePack.measured')}</th>
          <th />
        </tr>
      </thead>
      {sections
        .filter((s) => s.rows.length > 0)
        .map((section) => (
          <tbody key={`${section.language}-${section.group}`}>
            <tr class="voice-clips__group">
              <th colSpan={4}>{t(`admin:voicePack.groups.${section.language}.${section.group}`, { count: section.rows.length })}</th>
            </tr>
            {section.rows.map((clip) => (
              <ClipRow key={clip.id} clip={clip} takes={takes} onPlay={onPlay} onRemove={onRemove} />
            ))}
          </tbody>
        ))}
    </table>
  );
}

function ClipRow({ clip, takes, onPlay, onRemove }: { clip: ClipRowData } & Omit<VoiceClipTableProps, 'clips'>) {
  const { t } = useAdmin();
  const recordingThis = takes.recording?.id === clip.id;
  const busy = takes.saving === clip.id;
  const { recorded } = clip;
  return (
    <>
      <tr data-clip={clip.id} class={recorded ? undefined : 'voice-clips__missing'}>
        <td class="voice-clips__text" lang={clip.language}>
          {clip.text}
        </td>
        <td>
          <span class={`pill ${recorded ? 'pill--open' : 'pill--bad'}`}>
            {t(recorded ? 'admin:voicePack.recorded' : 'admin:voicePack.missing')}
          </span>
        </td>
        <td class="voice-clips__measured">
          {recorded &&
            t('admin:voicePack.measures', { seconds: (recorded.durationMs / 1000).toFixed(2), lufs: recorded.loudnessLufs.toFixed(1) })}
        </td>
        <td class="actions">
          {recorded && (
            <button type="button" class="small secondary" onClick={() => onPlay(recorded)}>
              {t('admin:voicePack.play')}
            </button>
          )}
          {recordingThis ? (
            <button type="button" class="small danger" data-action="stop" onClick={() => void takes.stop()}>
              {t('admin:voicePack.stop')}
              <meter class="voice-level" min={0} max={1} value={takes.recording?.level ?? 0} />
            </button>
          ) : (
            <button
              type="button"
              class="small"
              data-action="record"
              disabled={takes.recording !== null || busy}
              onClick={() => void takes.start(clip.id)}
            >
              {t(recorded ? 'admin:voicePack.rerecord' : 'admin:voicePack.record')}
            </button>
          )}
          <FilePicker
            name={`upload-${clip.id}`}
            accept="audio/*"
            label={t('admin:voicePack.upload')}
            onFile={(file, input) => {
              input.value = '';
              void takes.uploadFile(clip.id, file);
            }}
          />
          {recorded && (
            <button type="button" class="small link" onClick={() => onRemove(clip.id)}>
              {t('admin:voicePack.remove')}
            </button>
          )}
          {busy && <span role="status">{t('admin:voicePack.saving')}</span>}
        </td>
      </tr>
      {takes.errors[clip.id] && (
        <tr class="voice-clips__error">
          <td colSpan={4} role="alert">
            {takes.errors[clip.id]}
          </td>
        </tr>
      )}
    </>
  );
}
