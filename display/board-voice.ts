/**
 * The board's voice: the shared announcer (display/voice) with the centre's settings, speaking
 * each call the board shows. Announcements queue in the announcer, so a burst of calls is
 * spoken in order and each says its own number and counter.
 */
import type { CallView } from '../protocol/views.ts';
import type { BoardRoute } from './board-route.ts';
import { RecordingAudioSink } from './recording-audio-sink.ts';
import { createAnnouncer, type Announcer } from './voice/create-announcer.ts';
import { DEFAULT_VOICE_CONFIG, type VoiceConfig } from '../protocol/voice/voice-config.ts';

/** Speaks calls; `sound` drives the "sound blocked" indicator. */
export interface BoardVoice {
  speak(call: CallView): void;
  /** Applies the centre's announcement settings; calls queued after it say the new sentence. */
  configure(config: VoiceConfig): Promise<void>;
  readonly sound: Announcer['sound'];
}

/**
 * Creates the voice for a board, or `null` for a board that stays silent (`?voice=off`, and
 * counter-top boards unless `?voice=on`: the lobby board already speaks every call).
 */
export async function createBoardVoice(route: BoardRoute): Promise<BoardVoice | null> {
  if (!route.voice) return null;
  let clipOutput: RecordingAudioSink | undefined;
  if (route.audioOutput === 'record') {
    window.__motcuaAudio = [];
    clipOutput = new RecordingAudioSink({ log: window.__motcuaAudio });
  }
  const announcer = await createAnnouncer(DEFAULT_VOICE_CONFIG, {
    ...(clipOutput && { clipOutput }),
    // Citizens see nothing: the technician regenerates clips (scripts/generate-voice-clips.ts);
    // meanwhile the announcer reports the failing calls it cannot play.
    onMissingClips: (ids) => console.warn(`announcement settings need clips this display does not have: ${ids.join(', ')}`),
  });
  let applied = JSON.stringify(DEFAULT_VOICE_CONFIG);
  await announcer.sound.check();
  // An operator who enabled sound once should not have to find the prompt after every restart.
  if (announcer.sound.status === 'blocked' && announcer.sound.remembered) announcer.sound.unlockOnNextGesture(document);
  window.addEventListener('pagehide', () => announcer.clear());
  return {
    sound: announcer.sound,
    async configure(config) {
      // Settings arrive again with every refetch (notices, reconnects); only a change reconfigures.
      const next = JSON.stringify(config);
      if (next === applied) return;
      applied = next;
      await announcer.configure(config);
    },
    speak(call) {
      void announcer.announce({ ticket: call.label, counter: call.counterId });
    },
  };
}
