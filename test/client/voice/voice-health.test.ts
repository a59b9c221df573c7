import { describe, expect, it } from 'vitest';
import { SoundBlockedError } from '../../../client/voice/audio-sink.ts';
import { VoiceHealth } from '../../../client/voice/voice-health.ts';

const played = { status: 'played', delivery: { form: 'full', english: false, chime: true, repeat: 1 } } as const;

describe('a board’s voice health', () => {
  it('is off for a board that does not speak, and follows the autoplay status', () => {
    const health = new VoiceHealth(() => 1000);
    expect(health.sound).toBe('off');
    health.setGate('blocked');
    expect(health.sound).toBe('blocked');
    health.setGate('ready');
    expect(health.sound).toBe('on');
    health.setGate('unavailable');
    expect(health.sound).toBe('unavailable');
  });

  it('is failing after an announcement that could not play, and on again after one that played', () => {
    const health = new VoiceHealth(() => 1000);
    health.setGate('ready');
    health.noteProblem({ code: 'voice:problem.clip_failed', source: 'recorded', clipIds: ['vi:ba'], detail: 'HTTP 404' });
    health.noteOutcome(played);
    expect(health.sound).toBe('failing');
    health.noteOutcome(played);
    expect(health.sound).toBe('on');
    health.noteOutcome({ status: 'failed', error: new Error('no audio output on this device') });
    expect(health.sound).toBe('failing');
    expect(health.report().announced).toBe(3);
  });

  it('does not count a blocked announcement as failing sound: it is blocked', () => {
    const health = new VoiceHealth();
    health.setGate('blocked');
    health.noteOutcome({ status: 'failed', error: new SoundBlockedError() });
    expect(health.sound).toBe('blocked');
    expect(health.report().problems).toEqual([]);
  });

  it('keeps each problem once with a count, newest last, at most ten', () => {
    let now = 0;
    const health = new VoiceHealth(() => ++now);
    for (let i = 0; i < 12; i += 1)
      health.noteProblem({ code: 'voice:problem.fallback_sentence', language: 'vi', clipIds: [`vi:word ${i}`] });
    health.noteProblem({ code: 'voice:problem.fallback_sentence', language: 'vi', clipIds: ['vi:word 5'] });
    const problems = health.report().problems;
    expect(problems).toHaveLength(10);
    expect(problems.at(-1)).toEqual({ code: 'voice:problem.fallback_sentence', detail: 'vi:word 5', count: 2, lastAt: 13 });
    expect(problems.map((p) => p.detail)).not.toContain('vi:word 0');
  });
});
