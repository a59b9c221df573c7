/**
 * "Hear a sample call" on the recording page: the boards' own announcer, with the centre's
 * settings and the recorded pack preferred even before it is complete, so the announcer hears
 * the sentences as a board will say them. A sentence with a clip still missing is said by the
 * generated voice (a sentence never mixes voices), and the page says which clips it lacked.
 */
import type { CallToAnnounce } from '../../client/voice/announcement.ts';
import type { AnnouncementOutcome, ClipFailure } from '../../client/voice/announcement-queue.ts';
import { createAnnouncer, type Announcer } from '../../client/voice/create-announcer.ts';
import type { VoiceProblem } from '../../client/voice/delivery.ts';
import type { VoiceConfig } from '../../protocol/voice/voice-config.ts';
import type { RecordedPackManifest } from '../../protocol/voice/voice-pack.ts';

/** What a sample call did. */
export interface SampleCallResult {
  outcome: AnnouncementOutcome;
  problems: Array<VoiceProblem | ClipFailure>;
}

let announcer: Announcer | null = null;
let problems: Array<VoiceProblem | ClipFailure> = [];

/** Plays `call`; call it from the tap that asks for it, so the browser allows the sound. */
export async function playSampleCall(config: VoiceConfig, pack: RecordedPackManifest, call: CallToAnnounce): Promise<SampleCallResult> {
  announcer ??= await createAnnouncer(config, { storage: null, onProblem: (problem) => problems.push(problem) });
  await announcer.sound.unlock();
  announcer.clear();
  problems = [];
  await announcer.configure(config, { ...pack, complete: { vi: true, en: config.english } });
  const outcome = await announcer.announce(call);
  return { outcome, problems };
}

/** Stops a sample call that is playing. */
export function stopSampleCall(): void {
  announcer?.clear();
}
