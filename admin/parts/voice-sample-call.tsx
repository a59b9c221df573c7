import { useState } from 'preact/hooks';
import type { VoiceConfig } from '../../protocol/voice/voice-config.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import { useAdmin } from '../admin-context.ts';
import { playSampleCall, stopSampleCall, type SampleCallResult } from '../voice/sample-call.ts';

/** A first number the centre really hands out, so the sample says words that need recording. */
function firstTicket(config: SiteConfig): string {
  const service = config.services.find((s) => s.enabled) ?? config.services[0];
  return service ? `${service.prefix}${String(service.numberStart).padStart(service.pad, '0')}` : '1';
}

/** Hear a whole call (or recall) as a board will say it, with the recordings made so far. */
export function VoiceSampleCall({ config }: { config: SiteConfig }) {
  const { t, api } = useAdmin();
  const [ticket, setTicket] = useState(() => firstTicket(config));
  const [counter, setCounter] = useState(config.counters[0]?.id ?? 1);
  const [recall, setRecall] = useState(false);
  const [result, setResult] = useState<SampleCallResult | 'playing' | null>(null);
  const play = async () => {
    setResult('playing');
    const manifest = await api.call('voicePackManifest');
    const pack = manifest.ok ? manifest.value : { version: '', complete: { vi: false, en: false }, clips: {} };
    setResult(await playSampleCall(config.centre.announcement as VoiceConfig, pack, { ticket, counter, recall }));
  };
  const generated = result !== null && result !== 'playing' ? result.problems.filter((p) => p.code === 'voice:problem.substituted') : [];
  return (
    <div class="panel voice-sample">
      <h2>{t('admin:voicePack.sampleTitle')}</h2>
      <div class="voice-sample__fields">
        <label>
          {t('admin:voicePack.sampleTicket')}
          <input name="sample-ticket" value={ticket} maxLength={8} onInput={(e) => setTicket(e.currentTarget.value)} />
        </label>
        <label>
          {t('admin:voicePack.sampleCounter')}
          <select name="sample-counter" value={String(counter)} onChange={(e) => setCounter(Number(e.currentTarget.value))}>
            {config.counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="sample-recall" checked={recall} onChange={(e) => setRecall(e.currentTarget.checked)} />
          {t('admin:voicePack.sampleRecall')}
        </label>
        {result === 'playing' ? (
          <button type="button" class="secondary" onClick={() => stopSampleCall()}>
            {t('admin:voicePack.stop')}
          </button>
        ) : (
          <button type="button" name="sample-play" onClick={() => void play()}>
            {t('admin:voicePack.samplePlay')}
          </button>
        )}
      </div>
      {result !== null && result !== 'playing' && (
        <p class={`notice ${generated.length ? 'notice--bad' : 'notice--ok'}`} role="status" data-testid="sample-result">
          {result.outcome.status !== 'played'
            ? t('admin:voicePack.sampleFailed')
            : generated.length
              ? t('admin:voicePack.sampleGenerated', {
                  clips: [...new Set(generated.flatMap((p) => p.clipIds))].map((id) => `«${id.slice(3)}»`).join(', '),
                })
              : t('admin:voicePack.sampleRecorded')}
        </p>
      )}
    </div>
  );
}
