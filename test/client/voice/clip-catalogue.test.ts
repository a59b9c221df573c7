import { describe, expect, it } from 'vitest';
import { shippedClipIds, shippedClipUrls } from '../../../client/voice/clip-catalogue.ts';
import { CLIP_VOICES } from '../../../protocol/voice/dialect.ts';

describe('clips bundled through Vite', () => {
  it.each(CLIP_VOICES)('gives a URL for every clip of voice %s', (voice) => {
    const ids = shippedClipIds(voice);
    const url = shippedClipUrls(voice);
    expect(ids).toContain('chime');
    for (const id of ids) expect(url(id), id).toMatch(/\.ogg($|\?)/u);
  });

  it('gives no URL for a clip that was not shipped', () => {
    expect(shippedClipUrls('vi')('vi:xin chào')).toBeUndefined();
  });
});
