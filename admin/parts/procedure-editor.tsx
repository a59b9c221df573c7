import { useState } from 'preact/hooks';
import type { Procedure } from '../../protocol/catalogue.ts';
import type { ServiceConfig } from '../../protocol/site-config.ts';
import { named, useAdmin } from '../admin-context.ts';
import { useReveal } from '../use-reveal.ts';
import { EditorActions, type SaveState } from './save-status.tsx';

interface FilingDraft {
  timeLimit: string;
  workingDays: string;
  fee: string;
  amount: string;
}

const countOrNone = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/**
 * Edits one procedure's queue service, name, and each way of filing's time limit and fee. The
 * rest of the procedure (dossier, steps, legal basis) is sent back as it came, since the server
 * saves the procedure whole.
 */
export function ProcedureEditor({
  procedure,
  services,
  onSaved,
  onCancel,
}: {
  procedure: Procedure;
  services: readonly ServiceConfig[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, api, lang } = useAdmin();
  const [name, setName] = useState(procedure.name);
  const [serviceId, setServiceId] = useState(procedure.serviceId);
  const [filing, setFiling] = useState<FilingDraft[]>(
    procedure.filing.map((f) => ({
      timeLimit: f.timeLimit.text,
      workingDays: f.timeLimit.workingDays?.toString() ?? '',
      fee: f.fee.text,
      amount: f.fee.amount?.toString() ?? '',
    })),
  );
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const form = useReveal<HTMLFormElement>(procedure.code);
  const setOne = (i: number, patch: Partial<FilingDraft>) => setFiling(filing.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const known = services.some((s) => s.id === serviceId);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSave({ kind: 'saving' });
    const body: Procedure = {
      ...procedure,
      name,
      serviceId,
      filing: procedure.filing.map((f, i) => {
        const d = filing[i] ?? { timeLimit: '', workingDays: '', fee: '', amount: '' };
        return {
          ...f,
          timeLimit: { text: d.timeLimit, workingDays: countOrNone(d.workingDays) },
          fee: { text: d.fee, amount: countOrNone(d.amount) },
        };
      }),
    };
    const r = await api.call('saveProcedure', { params: { code: procedure.code }, body });
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    if (r.ok) onSaved();
  };
  return (
    <form class="config-form editor procedure-editor" onSubmit={submit} ref={form}>
      <h2>{t('admin:procedures.edit', { code: procedure.code })}</h2>
      <div class="grid halves">
        <label>
          {t('admin:procedures.name')}
          <input name="procedure-name" value={name} required onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('admin:procedures.service')}
          <select name="procedure-service" value={serviceId} onChange={(e) => setServiceId(e.currentTarget.value)}>
            {!known && <option value={serviceId}>{t('admin:procedures.noService', { id: serviceId })}</option>}
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} · {named(s.name, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {procedure.filing.map((f, i) => (
        <fieldset key={f.channel}>
          <legend>{t(`admin:procedures.channels.${f.channel}`)}</legend>
          <div class="grid filing-grid">
            <label>
              {t('admin:procedures.timeLimit')}
              <input
                name={`time-limit-${f.channel}`}
                required
                value={filing[i]?.timeLimit ?? ''}
                onInput={(e) => setOne(i, { timeLimit: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('admin:procedures.workingDays')}
              <input
                type="number"
                min={0}
                name={`working-days-${f.channel}`}
                placeholder={t('admin:procedures.notCounted')}
                value={filing[i]?.workingDays ?? ''}
                onInput={(e) => setOne(i, { workingDays: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('admin:procedures.fee')}
              <input
                name={`fee-${f.channel}`}
                required
                value={filing[i]?.fee ?? ''}
                onInput={(e) => setOne(i, { fee: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('admin:procedures.amount')}
              <input
                type="number"
                min={0}
                name={`fee-amount-${f.channel}`}
                placeholder={t('admin:procedures.varies')}
                value={filing[i]?.amount ?? ''}
                onInput={(e) => setOne(i, { amount: e.currentTarget.value })}
              />
            </label>
          </div>
        </fieldset>
      ))}
      <EditorActions onCancel={onCancel} state={save} />
    </form>
  );
}
