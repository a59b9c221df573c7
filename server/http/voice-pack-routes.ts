import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { localDay } from '../core/local-time.ts';
import { MAX_BUNDLE_BYTES, PackClipId } from '../voice/voice-pack-bundle.ts';
import { voicePackManifest, voicePackStatus } from '../voice/voice-pack-status.ts';
import { httpError, okResponse } from './http-results.ts';
import { withProblems } from './problem-list.ts';
import { readRawBody } from './raw-body.ts';
import type { Refused, Router } from './router.ts';

/** A WAV of the longest clip at 48 kHz, 32-bit, stereo, with room to spare. */
const CLIP_LIMIT = 4 * 1024 * 1024;

/**
 * The recorded voice pack: the admin's recording page records, hears and removes clips, exports
 * and imports the pack; boards read its manifest and files (public, like the boards themselves).
 */
export function addVoicePackRoutes(router: Router, ctx: AppContext): void {
  const status = () => voicePackStatus(ctx.site.get(), ctx.voicePack.clips(), ctx.voicePack.version);
  const clipIdOf = (id: string) => {
    const parsed = v.safeParse(PackClipId, id);
    return parsed.success ? parsed.output : null;
  };
  /** A refused upload is the sender's mistake, not a conflict with the queue. */
  const badRequest = (refused: Refused): Refused => ({ ...refused, status: 400 });

  router.add('voicePack', () => okResponse(status()));

  router.add('voicePackManifest', () => okResponse(voicePackManifest(ctx.site.get(), ctx.voicePack.clips(), ctx.voicePack.version)));

  router.add('voicePackClipFile', async (r) => {
    const path = ctx.voicePack.filePath(r.params.file);
    const bytes = path === null ? null : await readFile(path).catch(() => null);
    if (bytes === null) return httpError(ctx, r, 'not_found');
    // Named by content: a new recording is a new name, so a board may keep a file forever.
    r.res.writeHead(200, {
      'content-type': 'audio/wav',
      'content-length': bytes.length,
      'cache-control': 'public, max-age=31536000, immutable',
    });
    r.res.end(bytes);
    return null;
  });

  // The body is the take as a PCM WAV file; the server trims and levels it.
  router.add('recordClip', async (r) => {
    const id = clipIdOf(r.params.id);
    if (id === null) return badRequest(httpError(ctx, r, 'voice:pack.bad_clip_id'));
    const recorded = await ctx.voicePack.record(id, await readRawBody(r.req, CLIP_LIMIT), ctx.clock.now());
    if (!recorded.ok) return badRequest(httpError(ctx, r, `voice:pack.${recorded.problem}`));
    const { file: _file, ...measured } = recorded.clip;
    await audit(ctx, r.principal, 'voice_pack.recorded', id, { after: measured });
    return okResponse(status());
  });

  router.add('removeClip', async (r) => {
    const id = clipIdOf(r.params.id);
    if (id === null || !(await ctx.voicePack.remove(id))) return httpError(ctx, r, 'not_found');
    await audit(ctx, r.principal, 'voice_pack.removed', id);
    return okResponse(status());
  });

  router.add('exportVoicePack', async (r) => {
    const bytes = await ctx.voicePack.exportBundle(ctx.clock.now());
    const day = localDay(ctx.clock.now(), ctx.site.get().centre.timeZone);
    r.res.writeHead(200, {
      'content-type': 'application/gzip',
      'content-length': bytes.length,
      'content-disposition': `attachment; filename="motcua-voice-pack-${day}.json.gz"`,
      'cache-control': 'no-store',
    });
    r.res.end(bytes);
    return null;
  });

  // All or nothing: a file with one bad clip changes nothing and names the clip.
  router.add('importVoicePack', async (r) => {
    const imported = await ctx.voicePack.importBundle(await readRawBody(r.req, MAX_BUNDLE_BYTES));
    if (!imported.ok) {
      const problems = imported.problems
        .slice(0, 100)
        .map((p) => (p.clip === null ? p.detail : `${p.clip}: ${ctx.translator.t(r.lang, `voice:pack.${p.problem}`)}`));
      return withProblems(httpError(ctx, r, 'voice:pack.import_refused', { count: imported.problems.length }), problems);
    }
    await audit(ctx, r.principal, 'voice_pack.imported', String(imported.clips));
    return okResponse(status());
  });
}
