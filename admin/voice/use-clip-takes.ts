/**
 * The recording page's one microphone: at most one take runs at a time. A take or an uploaded
 * file becomes a PCM WAV (pcm-wav.ts) and goes to the server, which trims and levels it and
 * answers with the pack's new status; the announcer then hears the clip as it was kept.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RouteResult } from '../../protocol/routes.ts';
import { useAdmin } from '../admin-context.ts';
import { startTake, type MicrophoneTake } from './microphone-take.ts';
import { toPcmWav } from './pcm-wav.ts';
import type { VoicePackStatus } from '../../protocol/voice/voice-pack.ts';

/** What the page shows about takes. */
export interface ClipTakes {
  /** The clip being recorded now, if any, and its input level (0–1). */
  recording: { id: string; level: number } | null;
  /** The clip being sent to the server. */
  saving: string | null;
  /** The last refusal, per clip. */
  errors: Record<string, string>;
  start(id: string): Promise<void>;
  stop(): Promise<void>;
  uploadFile(id: string, file: File): Promise<void>;
}

/** Takes for the recording page; `onSaved` gets the pack's status after each kept clip. */
export function useClipTakes(onSaved: (status: VoicePackStatus, id: string) => void): ClipTakes {
  const { api, t } = useAdmin();
  const take = useRef<{ id: string; take: MicrophoneTake } | null>(null);
  const [recording, setRecording] = useState<ClipTakes['recording']>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setError = (id: string, message: string | null) =>
    setErrors(({ [id]: _old, ...rest }) => (message === null ? rest : { ...rest, [id]: message }));

  useEffect(() => {
    if (recording === null) return;
    const timer = setInterval(() => {
      const current = take.current;
      if (current) setRecording({ id: current.id, level: current.take.level() });
    }, 100);
    return () => clearInterval(timer);
  }, [recording?.id]);
  useEffect(() => () => take.current?.take.cancel(), []);

  const send = async (id: string, data: ArrayBuffer) => {
    setSaving(id);
    let result: RouteResult<'recordClip'>;
    try {
      const wav = await toPcmWav(data);
      result = await api.upload('recordClip', new Blob([wav], { type: 'audio/wav' }), 'audio/wav', { params: { id } });
    } catch {
      result = { ok: false, error: { code: 'voice:pack.not_wav', message: t('admin:voicePack.undecodable') } };
    }
    setSaving(null);
    setError(id, result.ok ? null : result.error.message);
    if (result.ok) onSaved(result.value, id);
  };

  return {
    recording,
    saving,
    errors,
    async start(id) {
      take.current?.take.cancel();
      // Browsers give the microphone only to https pages and to the server's own machine.
      if (!window.isSecureContext || !navigator.mediaDevices) return setError(id, t('admin:voicePack.insecure'));
      try {
        take.current = { id, take: await startTake() };
        setError(id, null);
        setRecording({ id, level: 0 });
      } catch {
        setError(id, t('admin:voicePack.noMicrophone'));
      }
    },
    async stop() {
      const current = take.current;
      if (!current) return;
      take.current = null;
      setRecording(null);
      await send(current.id, await (await current.take.stop()).arrayBuffer());
    },
    uploadFile: async (id, file) => send(id, await file.arrayBuffer()),
  };
}
