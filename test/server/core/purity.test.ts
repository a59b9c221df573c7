import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreDir = join(import.meta.dirname, '../../../server/core');
// What core may import (protocol/ and itself, no package) is held by test/import-rules.test.ts;
// this test catches the I/O that needs no import.
const forbidden = [/Date\.now\(/, /new Date\(\)/, /Math\.random\(/, /process\./];

describe('server/core is pure', () => {
  const files = readdirSync(coreDir).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s reads no clock, randomness or process state', (file) => {
    const source = readFileSync(join(coreDir, file), 'utf8');
    const hits = forbidden.filter((re) => re.test(source)).map(String);
    expect(hits).toEqual([]);
  });
});
