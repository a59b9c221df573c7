import { describe, expect, it } from 'vitest';
import { StatusReplyReader, statusFromReplies } from '../../../hardware/printer/status-reply.ts';

describe('DLE EOT replies', () => {
  it('reads paper end, near end, cover open and offline', () => {
    expect(statusFromReplies({ paper: 0x12, offlineCause: 0x12, printer: 0x12 })).toEqual({ state: 'ready', paperNearEnd: false });
    expect(statusFromReplies({ paper: 0x1e, offlineCause: 0x12, printer: 0x12 })).toEqual({ state: 'ready', paperNearEnd: true });
    expect(statusFromReplies({ paper: 0x72, offlineCause: 0x32, printer: 0x1a })).toMatchObject({ state: 'paper-end' });
    expect(statusFromReplies({ paper: 0x12, offlineCause: 0x16, printer: 0x1a })).toMatchObject({ state: 'cover-open' });
    expect(statusFromReplies({ paper: 0x12, offlineCause: 0x12, printer: 0x1a })).toMatchObject({ state: 'offline' });
  });

  it('skips stray bytes and automatic status messages while waiting for a reply', async () => {
    const reader = new StatusReplyReader();
    const reply = reader.next(1000);
    reader.feed(Uint8Array.from([0xff, 0x00, 0x10, 0x00, 0x0f, 0x00, 0x72]));
    expect(await reply).toBe(0x72);
    expect(reader.strayBytes).toBe(2);
  });

  it('answers undefined when nothing comes in time', async () => {
    expect(await new StatusReplyReader().next(20)).toBeUndefined();
  });
});
