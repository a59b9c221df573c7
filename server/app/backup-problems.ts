/**
 * Why a backup was refused, as found (the problem, the file, values) and as shown (translated,
 * with its key as the code). The problems are keys of `admin:backup.problem.*`; a catalogue's own problems keep their
 * `catalogue:` keys, so they read exactly as an import reports them.
 */
import type { BackupProblem } from '../../protocol/backup.ts';
import type { Lang, Translator } from '../i18n.ts';

export interface ProblemDraft {
  /** A key of `admin:backup.problem.*`, or a full `ns:key` for another namespace's problem. */
  problem: string;
  /** The file inside the backup it is about. */
  file?: string;
  params?: Record<string, string | number>;
}

/** At most this many are listed; the count says how many there were. */
export const problemsListed = 100;

export function translateProblems(translator: Translator, lang: Lang, drafts: readonly ProblemDraft[]): BackupProblem[] {
  return drafts.slice(0, problemsListed).map((d) => {
    const code = d.problem.includes(':') ? d.problem : `admin:backup.problem.${d.problem}`;
    const params = { ...d.params, ...(d.file !== undefined && { file: d.file }) };
    const message = translator.t(lang, code, params);
    return {
      code,
      message: d.file && !message.includes(d.file) ? `${d.file}: ${message}` : message,
      ...(d.file !== undefined && { file: d.file }),
      ...(Object.keys(params).length > 0 && { params }),
    };
  });
}
