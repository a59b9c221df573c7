import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreDir = join(import.meta.dirname, '../../../server/core');
const forbidden = [
  /from ['"]node:/,
  /from ['"](fs|path|os|socket\.io|lowdb|serialport)/,
  /Date\.now\(/,
  /new Date\(\)/,
  /Math\.random\(/,
  /process\./,
];

describe('server/core is pure', () => {
  const files = readdirSync(coreDir).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s does no I/O and reads no clock or randomness', (file) => {
    const source = readFileSync(join(coreDir, file), 'utf8');
    const hits = forbidden.filter((re) => re.test(source)).map(String);
    expect(hits).toEqual([]);
  });
});
