import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, logger } from '../../server/log.ts';

describe('the structured logger', () => {
  const lines: string[] = [];
  afterEach(() => {
    lines.length = 0;
    configureLogging({ level: 'silent' });
  });

  function capture(): void {
    configureLogging({ level: 'debug', sink: (line) => lines.push(line) });
  }

  it('keeps an error’s stack trace, its system code and its cause', () => {
    capture();
    const cause = Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    logger('journal').error('journal write failed', { error: new Error('append failed', { cause }) });
    const entry = JSON.parse(lines[0]!) as {
      ns: string;
      error: { message: string; stack: string; cause: { code: string; stack: string } };
    };
    expect(entry.ns).toBe('journal');
    expect(entry.error.message).toBe('append failed');
    expect(entry.error.stack).toContain('log.test.ts');
    expect(entry.error.cause.code).toBe('ENOSPC');
    expect(entry.error.cause.stack).toContain('disk full');
  });

  it('writes other fields as they are', () => {
    capture();
    logger('http').info('listening', { port: 8080 });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', ns: 'http', msg: 'listening', port: 8080 });
  });
});
