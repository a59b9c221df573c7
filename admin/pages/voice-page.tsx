import { useEffect, useMemo, useState } from 'preact/hooks';
import { phraseClips } from '../../protocol/voice/recording-list.ts';
import { useAdmin } from '../admin-context.ts';
import { VoiceClipTable, type ClipRowData } from '../parts/voice-clip-table.tsx';
import { VoicePackTransfer } from '../parts/voice-pack-transfer.tsx';
import { VoiceSampleCall } from '../parts/voice-sample-call.tsx';
import { useLoaded } from '../use-loaded.ts';
import { useSiteConfig } from '../use-site-config.ts';
import { useClipTakes } from '../voice/use-clip-takes.ts';
import '../voice.css';
import type { RecordedClipView, VoicePackStatus } from '../../protocol/voice/voice-pack.ts';

/** The phrases of a sentence the admin is still writing; empty while it is not a valid sentence. */
function draftClips(template: string, language: 'vi' | 'en'): string[] {
  try {
    return phraseClips(language, template);
  } catch {
    return [];
  }
}

/**
 * The recording page: the centre's announcer records every clip its announcements need (the
 * list follows the sentences and numbers in use), hears each one and a whole sample call, and
 * re-records any. Boards switch to the recorded voice once it is complete.
 */
export function VoicePage() {
  const { t, api } = useAdmin();
  const { config } = useSiteConfig();
  const { data: loaded, reload } = useLoaded('voicePack');
  const [status, setStatus] = useState<VoicePackStatus | null>(null);
  const [draft, setDraft] = useState('');
  useEffect(() => setStatus(loaded), [loaded]);
  const play = (clip: RecordedClipView) => void new Audio(clip.url).play();
  const takes = useClipTakes((next, id) => {
    setStatus(next);
    const kept = next.clips.find((c) => c.id === id)?.recorded ?? next.unused.find((c) => c.id === id);
    if (kept) play(kept);
  });
  const rows = useMemo((): ClipRowData[] => {
    if (!status) return [];
    const listed = new Set(status.clips.map((c) => c.id));
    const extra = draftClips(draft, 'vi')
      .filter((id) => !listed.has(id))
      .map(
        (id): ClipRowData => ({
          id,
          language: 'vi',
          text: id.slice(3),
          group: 'phrase',
          recorded: status.unused.find((u) => u.id === id) ?? null,
        }),
      );
    return [...extra, ...status.clips];
  }, [status, draft]);
  if (!status || !config) return <p>{t('common:connecting')}</p>;
  const remove = async (id: string) => {
    if (!confirm(t('admin:voicePack.confirmRemove', { clip: id.slice(3) }))) return;
    const r = await api.call('removeClip', { params: { id } });
    if (r.ok) setStatus(r.value);
    else await reload();
  };
  const recordedCount = status.clips.filter((c) => c.recorded).length;
  const inUse = status.complete.vi;
  return (
    <section class="voice-page">
      <h1>{t('admin:voicePack.title')}</h1>
      <p class={`banner ${inUse ? 'banner--ok' : 'banner--pending'}`} role="status" data-testid="voice-pack-summary">
        {inUse
          ? t('admin:voicePack.inUse', { count: status.clips.length })
          : t('admin:voicePack.notYet', {
              recorded: recordedCount,
              count: status.clips.length,
              missing: status.missing.vi + status.missing.en,
            })}
        {status.english &&
          !status.complete.en &&
          status.complete.vi &&
          ` ${t('admin:voicePack.englishMissing', { count: status.missing.en })}`}
      </p>
      <div class="two-columns">
        <div class="panel">
          <h2>{t('admin:voicePack.howTitle')}</h2>
          <p class="hint">{t('admin:voicePack.howHint')}</p>
          <label class="inline">
            {t('admin:voicePack.draft')}
            <input
              name="draft-sentence"
              value={draft}
              placeholder="Xin mời số {number} đến quầy số {counter}"
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
          </label>
          <p class="hint">{t('admin:voicePack.draftHint')}</p>
        </div>
        <VoiceSampleCall config={config} />
      </div>
      <VoiceClipTable clips={rows} takes={takes} onPlay={play} onRemove={(id) => void remove(id)} />
      {status.unused.filter((u) => !rows.some((r) => r.id === u.id)).length > 0 && (
        <div class="panel">
          <h2>{t('admin:voicePack.unused')}</h2>
          <VoiceClipTable
            clips={status.unused
              .filter((u) => !rows.some((r) => r.id === u.id))
              .map((u) => ({
                id: u.id,
                language: u.id.startsWith('en:') ? 'en' : 'vi',
                text: u.id.slice(3),
                group: 'phrase',
                recorded: u,
              }))}
            takes={takes}
            onPlay={play}
            onRemove={(id) => void remove(id)}
          />
        </div>
      )}
      <VoicePackTransfer onImported={setStatus} />
    </section>
  );
}
