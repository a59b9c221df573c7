import { describe, expect, it } from 'vitest';
import { frameChecksum, sealFrame } from '../../../hardware/call-button/checksum.ts';
import { fitDisplayText, formatFrame } from '../../../hardware/call-button/format-frame.ts';
import type { DeviceFrame, ServerFrame } from '../../../hardware/call-button/frame-types.ts';
import { parseDeviceLine, parseServerLine } from '../../../hardware/call-button/parse-frame.ts';

/** Every test vector of docs/call-buttons.md with the frame it stands for. */
const deviceVectors: Array<[string, DeviceFrame]> = [
  ['$K,03,17,NEXT*65', { type: 'K', counter: 3, seq: 17, action: { key: 'NEXT' } }],
  ['$K,03,18,RECALL*78', { type: 'K', counter: 3, seq: 18, action: { key: 'RECALL' } }],
  ['$K,12,05,TRANSFER,2*74', { type: 'K', counter: 12, seq: 5, action: { key: 'TRANSFER', target: { kind: 'counter', counter: 2 } } }],
  ['$K,07,42,NOSHOW*64', { type: 'K', counter: 7, seq: 42, action: { key: 'NOSHOW' } }],
  ['$K,07,43,FINISH*74', { type: 'K', counter: 7, seq: 43, action: { key: 'FINISH' } }],
  ['$K,07,44,PAUSE*32', { type: 'K', counter: 7, seq: 44, action: { key: 'PAUSE' } }],
  ['$K,07,45,RESUME*78', { type: 'K', counter: 7, seq: 45, action: { key: 'RESUME' } }],
  ['$H,03,19*43', { type: 'H', counter: 3, seq: 19 }],
];
const serverVectors: Array<[string, ServerFrame]> = [
  ['$A,03,17,OK,1023*40', { type: 'A', counter: 3, seq: 17, status: 'OK', text: '1023' }],
  ['$A,03,20,EMPTY*39', { type: 'A', counter: 3, seq: 20, status: 'EMPTY' }],
  ['$A,07,42,ERR,E01*41', { type: 'A', counter: 7, seq: 42, status: 'ERR', text: 'E01' }],
  ['$D,03,1024*40', { type: 'D', counter: 3, text: '1024' }],
];

describe('checksum', () => {
  it.each([...deviceVectors, ...serverVectors].map(([line]) => line))('matches the vector %s', (line) => {
    const body = line.slice(1, line.indexOf('*'));
    expect(frameChecksum(body)).toBe(line.slice(-2));
  });

  it('is two uppercase hex digits, zero-padded', () => {
    expect(frameChecksum('')).toBe('00');
    expect(frameChecksum('\x0a')).toBe('0A');
  });
});

describe('parsing what a button sends', () => {
  it.each(deviceVectors)('parses %s', (line, frame) => {
    expect(parseDeviceLine(line)).toEqual({ kind: 'frame', frame });
  });

  it('accepts leading zeros and single digits in counter and seq', () => {
    expect(parseDeviceLine(sealFrame('K,3,7,NEXT'))).toEqual({
      kind: 'frame',
      frame: { type: 'K', counter: 3, seq: 7, action: { key: 'NEXT' } },
    });
    expect(parseDeviceLine(sealFrame('H,003,007'))).toEqual({ kind: 'frame', frame: { type: 'H', counter: 3, seq: 7 } });
  });

  it('accepts a checksum in lowercase hex', () => {
    expect(sealFrame('H,03,00')).toBe('$H,03,00*4B');
    expect(parseDeviceLine('$H,03,00*4b')).toEqual({ kind: 'frame', frame: { type: 'H', counter: 3, seq: 0 } });
  });

  it('reads a non-numeric TRANSFER argument as a service code', () => {
    expect(parseDeviceLine(sealFrame('K,05,01,TRANSFER,HT'))).toMatchObject({
      kind: 'frame',
      frame: { action: { key: 'TRANSFER', target: { kind: 'service', code: 'HT' } } },
    });
  });
});

describe('lines that are not frames are malformed', () => {
  it.each([
    ['a bad checksum', '$K,03,17,NEXT*66', 'bad-checksum'],
    ['a checksum of a different body', '$K,03,17,NEXT*78', 'bad-checksum'],
    ['no start marker', 'K,03,17,NEXT*65', 'not-a-frame'],
    ['no checksum', '$K,03,17,NEXT', 'not-a-frame'],
    ['a one-digit checksum', '$K,03,17,NEXT*6', 'not-a-frame'],
    ['text after the checksum', '$K,03,17,NEXT*65x', 'not-a-frame'],
    ['garbage', '\x00\xff\x13garbage', 'not-a-frame'],
    ['an empty frame', '$*00', 'unknown-type'],
    ['an unknown type', sealFrame('X,03,17'), 'unknown-type'],
    ['a server frame sent by a device', '$A,03,17,OK,1023*40', 'unknown-type'],
    ['a lowercase type', sealFrame('k,03,17,NEXT'), 'unknown-type'],
    ['counter 0', sealFrame('K,00,17,NEXT'), 'bad-field'],
    ['counter 100', sealFrame('K,100,17,NEXT'), 'bad-field'],
    ['a non-numeric counter', sealFrame('K,A3,17,NEXT'), 'bad-field'],
    ['a negative counter', sealFrame('K,-3,17,NEXT'), 'bad-field'],
    ['seq 100', sealFrame('K,03,100,NEXT'), 'bad-field'],
    ['an empty seq', sealFrame('K,03,,NEXT'), 'bad-field'],
    ['a key press without a key', sealFrame('K,03,17'), 'bad-field'],
    ['a key press with an empty key', sealFrame('K,03,17,'), 'bad-field'],
    ['a heartbeat with extra fields', sealFrame('H,03,19,NEXT'), 'bad-field'],
    ['a heartbeat without seq', sealFrame('H,03'), 'bad-field'],
    ['a line over 64 characters', sealFrame(`K,03,17,TRANSFER,${'X'.repeat(60)}`), 'overlong'],
  ])('%s', (_name, line, reason) => {
    expect(parseDeviceLine(line)).toMatchObject({ kind: 'malformed', reason });
  });
});

describe('well-formed key presses that cannot be acted on are refused (answered ERR)', () => {
  it.each([
    ['an unknown key', 'K,03,17,CALL', 'unknown-key'],
    ['a lowercase key', 'K,03,17,next', 'unknown-key'],
    ['TRANSFER without a target', 'K,03,17,TRANSFER', 'bad-argument'],
    ['TRANSFER to counter 0', 'K,03,17,TRANSFER,0', 'bad-argument'],
    ['TRANSFER to a code with odd characters', 'K,03,17,TRANSFER,A B', 'bad-argument'],
    ['NEXT with an argument', 'K,03,17,NEXT,1', 'bad-argument'],
    ['two arguments', 'K,03,17,TRANSFER,1,2', 'bad-argument'],
  ])('%s', (_name, body, reason) => {
    expect(parseDeviceLine(sealFrame(body))).toMatchObject({ kind: 'refused', counter: 3, seq: 17, reason });
  });
});

describe('parsing what the server sends (device side)', () => {
  it.each(serverVectors)('parses %s', (line, frame) => {
    expect(parseServerLine(line)).toEqual({ kind: 'frame', frame });
  });

  it.each([
    ['an unknown status', sealFrame('A,03,17,MAYBE')],
    ['a text over 8 characters', sealFrame('A,03,17,OK,123456789')],
    ['a display frame without text', sealFrame('D,03')],
  ])('rejects %s', (_name, line) => {
    expect(parseServerLine(line)).toMatchObject({ kind: 'malformed', reason: 'bad-field' });
  });

  it('treats a key press as an unknown type', () => {
    expect(parseServerLine('$K,03,17,NEXT*65')).toMatchObject({ kind: 'malformed', reason: 'unknown-type' });
  });
});

describe('formatting', () => {
  it.each([...deviceVectors, ...serverVectors])('reproduces %s', (line, frame) => {
    expect(formatFrame(frame)).toBe(line);
  });

  it('writes a TRANSFER to a service with its code', () => {
    const frame: DeviceFrame = { type: 'K', counter: 5, seq: 1, action: { key: 'TRANSFER', target: { kind: 'service', code: 'HT' } } };
    expect(formatFrame(frame)).toBe(sealFrame('K,05,01,TRANSFER,HT'));
    expect(() => formatFrame({ ...frame, action: { key: 'TRANSFER', target: { kind: 'service', code: 'H,T' } } })).toThrow(RangeError);
  });

  it('leaves out an empty answer text', () => {
    expect(formatFrame({ type: 'A', counter: 3, seq: 20, status: 'EMPTY', text: '' })).toBe('$A,03,20,EMPTY*39');
  });

  it.each([
    ['a text over 8 characters', { type: 'D', counter: 3, text: '123456789' }],
    ['a comma in the text', { type: 'D', counter: 3, text: '1,2' }],
    ['a non-ASCII text', { type: 'D', counter: 3, text: 'Quầy' }],
    ['counter 0', { type: 'D', counter: 0, text: '1' }],
    ['seq 100', { type: 'A', counter: 3, seq: 100, status: 'OK' }],
  ] as Array<[string, ServerFrame]>)('refuses %s', (_name, frame) => {
    expect(() => formatFrame(frame)).toThrow(RangeError);
  });

  it('fits any text to a button display', () => {
    expect(fitDisplayText('Quầy đã gọi')).toBe('Quay da ');
    expect(fitDisplayText('A,1*2$3')).toBe('A123');
    expect(fitDisplayText('1023')).toBe('1023');
  });
});
