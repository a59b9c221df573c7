import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../hardware/call-button/line-splitter.ts';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');

describe('LineSplitter', () => {
  it('splits CR LF and bare LF lines', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(bytes('$H,03,19*43\r\n$H,03,00*4B\n'))).toEqual([
      { kind: 'line', text: '$H,03,19*43' },
      { kind: 'line', text: '$H,03,00*4B' },
    ]);
  });

  it('joins a line delivered in several chunks, even a CR LF split in two', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(bytes('$K,03,'))).toEqual([]);
    expect(splitter.push(bytes('17,NEXT*65\r'))).toEqual([]);
    expect(splitter.push(bytes('\n'))).toEqual([{ kind: 'line', text: '$K,03,17,NEXT*65' }]);
  });

  it('skips blank lines', () => {
    expect(new LineSplitter().push(bytes('\r\n\n\r\n'))).toEqual([]);
  });

  it('accepts a line of exactly 64 characters with CR LF', () => {
    const line = 'x'.repeat(64);
    expect(new LineSplitter().push(bytes(`${line}\r\n`))).toEqual([{ kind: 'line', text: line }]);
  });

  it('drops a line of 65 characters and reports it once', () => {
    expect(new LineSplitter().push(bytes(`${'x'.repeat(65)}\r\n`))).toEqual([{ kind: 'overlong' }]);
  });

  it('drops a very long line arriving in pieces, then reads the next line normally', () => {
    const splitter = new LineSplitter();
    const events = [];
    for (let i = 0; i < 100; i++) events.push(...splitter.push(bytes('noise-noise-')));
    events.push(...splitter.push(bytes('\r\n$H,03,19*43\r\n')));
    expect(events).toEqual([{ kind: 'overlong' }, { kind: 'line', text: '$H,03,19*43' }]);
  });

  it('passes any byte through as one character without throwing', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
      .filter((b) => b !== 0x0a)
      .slice(0, 60);
    const [event] = new LineSplitter().push(Uint8Array.from([...all, 0x0a]));
    expect(event).toEqual({ kind: 'line', text: String.fromCharCode(...all) });
  });
});
