import { describe, expect, it } from 'vitest';
import { parseBoardRoute, subscription } from '../../display/board-route.ts';

describe('board route', () => {
  it('reads the lobby board with every call shown and spoken', () => {
    const parsed = parseBoardRoute('/display/', '');
    expect(parsed).toEqual({
      ok: true,
      route: {
        kind: 'lobby',
        counterId: null,
        filter: { services: null, counters: null },
        notices: [],
        lang: 'vi',
        voice: true,
        audioOutput: 'web-audio',
      },
    });
  });

  it('reads a counter-top board, silent unless asked', () => {
    const parsed = parseBoardRoute('/display/counter/12', '');
    expect(parsed.ok && parsed.route).toMatchObject({ kind: 'counter', counterId: 12, filter: { counters: [12] }, voice: false });
    const speaking = parseBoardRoute('/display/counter/12/', '?voice=on');
    expect(speaking.ok && speaking.route.voice).toBe(true);
  });

  it('reads a hall subset into the subscription the server accepts', () => {
    const parsed = parseBoardRoute('/display/', '?services=civil-status,land&counters=1,2,4');
    expect(parsed.ok && subscription(parsed.route.filter)).toEqual({ services: ['civil-status', 'land'], counters: [1, 2, 4] });
  });

  it('reads notices, language and the recording audio output', () => {
    const parsed = parseBoardRoute(
      '/display/index.html',
      `?lang=en&audioSink=record&voice=off&notices=${encodeURIComponent('Nghỉ trưa 11:30|  |Giữ phiếu')}`,
    );
    expect(parsed.ok && parsed.route).toMatchObject({
      lang: 'en',
      audioOutput: 'record',
      voice: false,
      notices: ['Nghỉ trưa 11:30', 'Giữ phiếu'],
    });
  });

  it.each([
    ['/display/counter/0', '', 'counter'],
    ['/display/counter/abc', '', 'counter'],
    ['/display/somewhere', '', 'counter'],
    ['/display/', '?counters=1,x', 'counters'],
    ['/display/', '?counters=100', 'counters'],
    ['/display/', '?services=Civil%20Status', 'services'],
  ])('refuses %s%s, naming %s', (path, query, param) => {
    expect(parseBoardRoute(path, query)).toEqual({ ok: false, problem: { param } });
  });
});
