import { useMemo, useState } from 'preact/hooks';
import type { Channel, Fee } from '../../../protocol/catalogue.ts';
import type { CatalogueDraftView } from '../../../protocol/hub/province-catalogue.ts';
import { buildSearchIndex, searchCatalogue } from '../../../client/search/catalogue-search.ts';
import { useHubApp } from '../hub-app-context.ts';

const shownAtMost = 30;

/** The province's own fees: find a procedure as a citizen would, set the fee of each way of filing. */
export function FeeEditor({ draft, onSaved }: { draft: CatalogueDraftView; onSaved: () => Promise<void> }) {
  const { t, api } = useHubApp();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const catalogue = draft.catalogue!;
  const index = useMemo(() => buildSearchIndex(catalogue), [catalogue]);
  const found = query.trim()
    ? searchCatalogue(index, query, { limit: shownAtMost }).map((h) => h.procedure)
    : catalogue.procedures.slice(0, shownAtMost);
  const provinceFee = (code: string, channel: string) => draft.fees.find((f) => f.code === code && f.channel === channel)?.fee ?? null;
  const save = async (code: string, channel: Channel, fee: Fee | null) => {
    const r = await api.call('setDraftFee', { body: { code, channel, fee } });
    setError(r.ok ? null : r.error.message);
    await onSaved();
  };
  return (
    <div class="panel">
      <h2>{t('hub:catalogue.feesTitle')}</h2>
      <p class="hint">{t('hub:catalogue.feesHelp', { count: draft.fees.length })}</p>
      <label class="inline search">
        <span>{t('hub:catalogue.find')}</span>
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {error && <p class="notice notice--bad">{error}</p>}
      <table class="table">
        <thead>
          <tr>
            <th>{t('hub:catalogue.procedure')}</th>
            <th>{t('hub:catalogue.channel')}</th>
            <th>{t('hub:catalogue.importedFee')}</th>
            <th>{t('hub:catalogue.provinceFee')}</th>
          </tr>
        </thead>
        <tbody>
          {found.flatMap((p) =>
            p.filing.map((m, i) => {
              const own = provinceFee(p.code, m.channel);
              return (
                <tr key={`${p.code}-${m.channel}`} data-fee={`${p.code} ${m.channel}`}>
                  {i === 0 && (
                    <td rowSpan={p.filing.length}>
                      <span class="code">{p.code}</span> {p.name}
                    </td>
                  )}
                  <td>{t(`admin:procedures.channels.${m.channel}`)}</td>
                  <td>{m.fee.text}</td>
                  <td>
                    <FeeField
                      key={`${p.code}-${m.channel}-${own?.text ?? ''}`}
                      fee={own}
                      onSave={(fee) => void save(p.code, m.channel, fee)}
                    />
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** One fee: its wording and, when it is one amount, the amount in đồng; empty goes back to the imported fee. */
function FeeField({ fee, onSave }: { fee: Fee | null; onSave: (fee: Fee | null) => void }) {
  const { t } = useHubApp();
  const [text, setText] = useState(fee?.text ?? '');
  const [amount, setAmount] = useState(fee?.amount === undefined ? '' : String(fee.amount));
  const submit = (e: Event) => {
    e.preventDefault();
    const n = amount.trim() === '' ? undefined : Number(amount);
    onSave(text.trim() ? { text: text.trim(), ...(n !== undefined && Number.isInteger(n) && n >= 0 && { amount: n }) } : null);
  };
  return (
    <form class="fee-field" onSubmit={submit}>
      <input name="fee-text" placeholder={t('hub:catalogue.feeText')} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <input
        name="fee-amount"
        inputMode="numeric"
        placeholder={t('hub:catalogue.feeAmount')}
        value={amount}
        onInput={(e) => setAmount(e.currentTarget.value)}
      />
      <button type="submit" class="small secondary">
        {t('admin:save.button')}
      </button>
    </form>
  );
}
