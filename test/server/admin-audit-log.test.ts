import { mkdtemp, readFile, rm, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../server/store/audit-log.ts';

const actor = { id: 'u1', username: 'admin', name: 'Quản trị' };

describe('audit log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-audit-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists entries newest first, with who, when and what', async () => {
    const log = AuditLog.inDataDir(dir);
    await log.record({ at: 1, actor, action: 'config.centre', subject: 'Trung tâm' });
    await log.record({ at: 2, actor, action: 'config.service', subject: 'civil', before: null, after: { code: 'HT' } });
    const entries = await log.recent();
    expect(entries.map((e) => e.action)).toEqual(['config.service', 'config.centre']);
    expect(entries[0]).toMatchObject({ at: 2, actor, subject: 'civil', after: { code: 'HT' } });
  });

  it('keeps every entry as one appended line, in the order of the calls', async () => {
    const log = AuditLog.inDataDir(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.record({ at: i, actor, action: 'config.counter', subject: String(i) })));
    const lines = (await readFile(join(dir, 'audit.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { at: number }).at)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('skips a torn last line instead of failing', async () => {
    const log = AuditLog.inDataDir(dir);
    await log.record({ at: 1, actor, action: 'user.created', subject: 'clerk1' });
    await appendFile(join(dir, 'audit.jsonl'), '{"at":2,"actor":');
    expect((await log.recent()).map((e) => e.subject)).toEqual(['clerk1']);
  });

  it('answers with at most the asked number of entries', async () => {
    const log = AuditLog.inDataDir(dir);
    for (let i = 0; i < 5; i++) await log.record({ at: i, actor, action: 'config.counter', subject: String(i) });
    expect((await log.recent(2)).map((e) => e.subject)).toEqual(['4', '3']);
  });

  it('has nothing to list before the first change', async () => {
    expect(await AuditLog.inDataDir(dir).recent()).toEqual([]);
  });
});
