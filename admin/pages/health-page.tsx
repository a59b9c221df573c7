import { useState } from 'preact/hooks';
import type { PrinterState } from '../../protocol/views.ts';
import { useAdmin } from '../admin-context.ts';
import { BoardSoundTable, boardSoundDown } from '../parts/board-sound-table.tsx';
import { PairingPanel } from '../parts/pairing-panel.tsx';
import { useLoaded } from '../use-loaded.ts';
import { useCentreTime } from '../use-centre-time.ts';

const refreshMs = 5000;
const printerOk: ReadonlySet<PrinterState> = new Set(['ready', 'virtual', 'paper_near_end']);

/** Every device and whether it is up: screens by their live connections, the printer, the call buttons. */
export function HealthPage() {
  const { t, api } = useAdmin();
  const timeText = useCentreTime();
  const { data: live, reload } = useLoaded('connections', refreshMs);
  const { data: health } = useLoaded('deviceHealth', refreshMs);
  const rename = async (id: string, name: string) => {
    const next = prompt(t('admin:devices.renamePrompt'), name);
    if (next && next.trim() !== name) {
      await api.call('renameDevice', { params: { id }, body: { name: next.trim() } });
      await reload();
    }
  };
  const [notice, setNotice] = useState<string | null>(null);
  // The device gets its new token over its live connection, so it keeps working; a copied old token stops.
  const rotate = async (id: string, name: string) => {
    if (!confirm(t('admin:devices.confirmRotate', { name }))) return;
    const r = await api.call('rotateDeviceToken', { params: { id } });
    setNotice(r.ok ? t('admin:devices.rotated', { name }) : r.error.message);
    await reload();
  };
  const revoke = async (id: string, name: string) => {
    if (!confirm(t('admin:devices.confirmRevoke', { name }))) return;
    await api.call('revokeDevice', { params: { id } });
    await reload();
  };
  const down =
    (live?.devices.filter((d) => d.connections === 0).length ?? 0) +
    (health?.printers.filter((p) => !printerOk.has(p.state)).length ?? 0) +
    (live?.boards.filter(boardSoundDown).length ?? 0);
  return (
    <section>
      <h1>{t('admin:devices.title')}</h1>
      <p class={down ? 'banner banner--down' : 'banner banner--ok'} role="status" data-testid="health-summary">
        {down ? t('admin:devices.someDown', { count: down }) : t('admin:devices.allUp')}
      </p>
      <div class="two-columns">
        <div class="panel">
          <h2>{t('admin:devices.printer')}</h2>
          {health?.printers.map((p) => (
            <p key={p.id} data-printer={p.id}>
              {p.name}{' '}
              <span class={`pill ${printerOk.has(p.state) ? 'pill--open' : 'pill--bad'}`} data-testid="printer-state">
                {t(`admin:printerState.${p.state}`)}
              </span>
            </p>
          ))}
          <h2>{t('admin:devices.buttons')}</h2>
          {!health?.buttons?.length && <p class="hint">{t('admin:devices.noButtons')}</p>}
          {health?.buttons?.map((line) => (
            <div key={line.path} class="button-line">
              <p>
                <code>{line.path}</code>{' '}
                <span class={`pill ${line.line === 'open' ? 'pill--open' : 'pill--bad'}`}>{t(`admin:devices.line.${line.line}`)}</span>{' '}
                {t('admin:devices.frames', { good: line.framesGood, bad: line.framesBad })}
              </p>
              <ul class="inline-list">
                {line.counters.map((c) => (
                  <li key={c.counter} class={`pill ${c.online ? 'pill--open' : 'pill--bad'}`}>
                    {t('admin:devices.buttonOf', { counter: c.counter })}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <h2>{t('admin:devices.people')}</h2>
          <ul class="inline-list">
            {live?.users.map((u) => (
              <li key={u.id} class="pill pill--open">
                {u.name}{' '}
                {u.rooms.filter((r) => r.startsWith('counter:')).map((r) => `· ${t('admin:devices.atCounter', { counter: r.slice(8) })}`)}
              </li>
            ))}
          </ul>
          <p class="hint">{t('admin:devices.publicConnections', { count: live?.publicConnections ?? 0 })}</p>
        </div>
        <div class="panel">
          <h2>{t('admin:devices.paired')}</h2>
          <table class="table">
            <thead>
              <tr>
                <th>{t('admin:devices.state')}</th>
                <th>{t('admin:devices.name')}</th>
                <th>{t('admin:devices.kind')}</th>
                <th>{t('admin:devices.pairedAt')}</th>
                <th>{t('admin:devices.lastContact')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {live?.devices.map((d) => (
                <tr key={d.id} data-device={d.id}>
                  <td>
                    <span class={`pill ${d.connections ? 'pill--open' : 'pill--bad'}`}>
                      {d.connections ? t('admin:devices.online') : t('admin:devices.offline')}
                    </span>
                  </td>
                  <td>{d.name}</td>
                  <td>
                    {t(`admin:devices.kinds.${d.kind}`)}
                    {d.counterId !== null && ` · ${d.counterId}`}
                  </td>
                  <td>{timeText(d.pairedAt)}</td>
                  <td>{d.connections ? t('admin:devices.inTouchNow') : timeText(d.lastContactAt)}</td>
                  <td class="actions">
                    <button type="button" class="small" onClick={() => void rename(d.id, d.name)}>
                      {t('admin:devices.rename')}
                    </button>
                    <button type="button" class="small" name="rotate" onClick={() => void rotate(d.id, d.name)}>
                      {t('admin:devices.rotate')}
                    </button>
                    <button type="button" class="small danger" onClick={() => void revoke(d.id, d.name)}>
                      {t('admin:devices.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {notice && (
            <p class="hint" role="status">
              {notice}
            </p>
          )}
          <p class="hint">{t('admin:devices.tokenHint')}</p>
          <PairingPanel />
        </div>
      </div>
      <div class="panel">
        <h2>{t('admin:devices.boards')}</h2>
        <BoardSoundTable boards={live?.boards ?? []} />
      </div>
    </section>
  );
}
