import type { Connection } from '../client/connection.ts';
import { useConnectionState } from '../client/use-connection.ts';
import type { BoardRoute } from './board-route.ts';
import { useBoardText } from './board-text.ts';
import type { BoardVoice } from './board-voice.ts';
import { ConnectionBanner } from './boards/connection-banner.tsx';
import { CounterBoard } from './boards/counter-board.tsx';
import { LobbyBoard } from './boards/lobby-board.tsx';
import { SoundIndicator } from './boards/sound-indicator.tsx';
import { useBoard } from './use-board.ts';

/** Props of {@link DisplayApp}. */
export interface DisplayAppProps {
  connection: Connection;
  route: BoardRoute;
  voice: BoardVoice | null;
}

/** Used until the centre's own zone is known. */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A call board: live while connected, the last known board greyed while not. */
export function DisplayApp({ connection, route, voice }: DisplayAppProps) {
  const { t } = useBoardText();
  const connectionState = useConnectionState(connection);
  const { state, site, clockOffsetMs } = useBoard(connection, route, voice);
  const { board } = state;
  const notices = [...(site?.notices ?? []), ...route.notices];
  return (
    <div
      class={`display${connectionState === 'online' ? '' : ' display--stale'}`}
      data-connection={connectionState}
      data-synced={state.synced}
      data-config-version={site?.configVersion ?? undefined}
    >
      <ConnectionBanner state={connectionState} />
      {board === null ? (
        <p class="board-message">{t('connection.connecting')}</p>
      ) : route.kind === 'counter' && route.counterId !== null ? (
        <CounterBoard board={board} counterId={route.counterId} freshKey={state.freshKey} />
      ) : (
        <LobbyBoard
          board={board}
          freshKey={state.freshKey}
          timeZone={site?.timeZone ?? DEFAULT_TIME_ZONE}
          clockOffsetMs={clockOffsetMs}
          notices={notices}
        />
      )}
      {voice && <SoundIndicator sound={voice.sound} />}
    </div>
  );
}
