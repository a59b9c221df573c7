import { describe, expect, it } from 'vitest';
import { RecordingAudioSink, type RecordedPlay } from '../../display/recording-audio-sink.ts';
import { buildAnnouncement } from '../../client/voice/announcement.ts';
import { createAnnouncer } from '../../client/voice/create-announcer.ts';
import { DEFAULT_VOICE_CONFIG } from '../../protocol/voice/voice-config.ts';

const quietEnvironment = { createAudioContext: () => null, speechSynthesis: null, storage: null } as const;

describe('recording audio sink', () => {
  it('records what the announcer plays, call by call and never overlapping', async () => {
    const log: RecordedPlay[] = [];
    const announcer = await createAnnouncer(DEFAULT_VOICE_CONFIG, {
      ...quietEnvironment,
      clipOutput: new RecordingAudioSink({ log, playMs: 20 }),
    });
    const calls = [
      { ticket: '1001', counter: 1 },
      { ticket: 'A1023', counter: 3 },
      { ticket: '1001', counter: 1 },
    ];
    const outcomes = await Promise.all(calls.map((c) => announcer.announce(c)));
    expect(outcomes.map((o) => o.status)).toEqual(['played', 'played', 'played']);
    // The first started before the others arrived; the second kept the third waiting (brief); the last found the queue empty.
    const forms = ['full', 'brief', 'full'] as const;
    expect(log.map((play) => play.clipIds.filter((id) => id !== 'chime'))).toEqual(
      calls.map((c, i) => buildAnnouncement(c, DEFAULT_VOICE_CONFIG)[forms[i]!][0]!.clipIds),
    );
    expect(log.map((play) => play.steps.some((step) => step.kind === 'pause' && step.ms === 300))).toEqual([true, true, true]);
    for (let i = 1; i < log.length; i += 1) expect(log[i]!.startedAt).toBeGreaterThanOrEqual(log[i - 1]!.endedAt!);
  });

  it('ends the play at once when stopped', async () => {
    const log: RecordedPlay[] = [];
    const sink = new RecordingAudioSink({ log, playMs: 60_000 });
    const playing = sink.play({ steps: [{ kind: 'clip', clipId: 'chime', source: 'vi' }], sentences: [] });
    sink.stop();
    await playing;
    expect(log[0]?.endedAt).not.toBeNull();
  });
});
