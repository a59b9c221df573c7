/**
 * The board's voice: the shared announcer (client/voice) with the centre's settings and, once
 * complete, its recorded voice pack, speaking each call the board shows. Announcements queue in
 * the announcer, so a burst of calls is spoken in order and each says its own number and
 * counter. What the voice works around goes into the board's health (reported to the server).
 */
import type { CallView } from '../protocol/views.ts';
import type { BoardRoute } from './board-route.ts';
import { RecordingAudioSink } from './recording-audio-sink.ts';
import { createAnnouncer, type Announcer } from '../client/voice/create-announcer.ts';
import { DEFAULT_VOICE_CONFIG, type VoiceConfig } from '../protocol/voice/voice-config.ts';
import type { VoiceHealth } from '../client/voice/voice-health.ts';
import { RECORDED_SOURCE } from '../protocol/voice/clip-source.ts';
import type { RecordedPackManifest } from '../protocol/voice/voice-pack.ts';

/** Speaks calls; `sound` drives the "sound blocked" indicator. */
export interface BoardVoice {
  speak(call: CallView): void;
  /** Applies the centre's announcement settings and pack; calls queued after it say the new sentence. */
  configure(config: VoiceConfig, pack: RecordedPackManifest | null): Promise<void>;
  readonly sound: Announcer['sound'];
}

/**
 * Creates the voice for a board, or `null` for a board that stays silent (`?voice=off`, and
 * counter-top boards unless `?voice=on`: the lobby board already speaks every call).
 */
export async function createBoardVoice(route: BoardRoute, health: VoiceHealth): Promise<BoardVoice | null> {
  if (!route.voice) return null;
  let clipOutput: RecordingAudioSink | undefined;
  if (route.audioOutput === 'record') {
    window.__motcuaAudio = [];
    clipOutput = new RecordingAudioSink({ log: window.__motcuaAudio });
  }
  const announcer = await createAnnouncer(DEFAULT_VOICE_CONFIG, {
    ...(clipOutput && { clipOutput }),
    // Citizens see nothing of this: the admin's health page does.
    onProblem: (problem) => health.noteProblem(problem),
    onError: (error) =>
      health.noteProblem({ code: 'voice:problem.failed', detail: error instanceof Error ? error.message : String(error) }),
  });
  let applied = JSON.stringify([DEFAULT_VOICE_CONFIG, null]);
  const useVoice = (config: VoiceConfig, pack: RecordedPackManifest | null) =>
    health.setVoice(pack?.complete.vi ? RECORDED_SOURCE : config.voice);
  useVoice(DEFAULT_VOICE_CONFIG, null);
  await announcer.sound.check();
  health.setGate(announcer.sound.status);
  announcer.sound.subscribe((status) => health.setGate(status));
  // An operator who enabled sound once should not have to find the prompt after every restart.
  if (announcer.sound.status === 'blocked' && announcer.sound.remembered) announcer.sound.unlockOnNextGesture(document);
  window.addEventListener('pagehide', () => announcer.clear());
  return {
    sound: announcer.sound,
    async configure(config, pack) {
      // Settings arrive again with every refetch (notices, reconnects); only a change reconfigures.
      const next = JSON.stringify([config, pack?.version ?? null]);
      if (next === applied) return;
      applied = next;
      await announcer.configure(config, pack);
      useVoice(config, pack);
    },
    speak(call) {
      void announcer
        .announce({ ticket: call.label, counter: call.counterId, recall: call.recall })
        .then((outcome) => health.noteOutcome(outcome));
    },
  };
}
