import type { BoardHealthView, BoardSound } from '../../protocol/voice/board-report.ts';
import { useAdmin } from '../admin-context.ts';
import { useCentreTime } from '../use-centre-time.ts';

const pillOf: Readonly<Record<BoardSound, string>> = {
  on: 'pill--open',
  off: 'pill--closed',
  blocked: 'pill--bad',
  failing: 'pill--bad',
  unavailable: 'pill--bad',
};

/** Whether a board's sound needs someone to look at it. */
export function boardSoundDown(board: BoardHealthView): boolean {
  return board.sound === 'blocked' || board.sound === 'failing' || board.sound === 'unavailable';
}

/** Every connected board: whether its sound is on, blocked or failing, its voice, and what it worked around lately. */
export function BoardSoundTable({ boards }: { boards: readonly BoardHealthView[] }) {
  const { t } = useAdmin();
  const timeText = useCentreTime();
  if (boards.length === 0) return <p class="hint">{t('admin:devices.noBoards')}</p>;
  return (
    <table class="table" data-testid="board-sound">
      <thead>
        <tr>
          <th>{t('admin:devices.board')}</th>
          <th>{t('admin:devices.sound')}</th>
          <th>{t('admin:devices.boardVoice')}</th>
          <th>{t('admin:devices.announced')}</th>
        </tr>
      </thead>
      <tbody>
        {boards.map((b) => (
          <tr key={b.board} data-board={b.board} data-sound={b.sound}>
            <td>
              {b.deviceName ?? t('admin:devices.unpairedBoard')}
              <br />
              <code>{b.page}</code>
            </td>
            <td>
              <span class={`pill ${pillOf[b.sound]}`}>{t(`admin:devices.sounds.${b.sound}`)}</span>
              {b.sound === 'blocked' && <p class="hint">{t('admin:devices.blockedHint')}</p>}
            </td>
            <td>
              {b.voice === null
                ? '–'
                : t(b.voice === 'recorded' ? 'admin:devices.recordedVoice' : `admin:centre.announcement.voices.${b.voice}`)}
            </td>
            <td>
              {t('admin:devices.announcedCount', { count: b.announced })}
              {b.lastAnnouncedAt !== null && ` · ${timeText(b.lastAnnouncedAt)}`}
              {b.problems.length > 0 && (
                <ul class="problems">
                  {b.problems.map((p) => (
                    <li key={`${p.code}${p.detail}`}>
                      {t(p.code, { defaultValue: p.code })}: <code>{p.detail}</code> (×{p.count}, {timeText(p.lastAt)})
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
