import type { ConnectionState } from '../../client/connection.ts';
import { useBoardText } from '../board-text.ts';

/** Says plainly that the board is not live; the board itself is greyed by the app meanwhile. */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  const { t } = useBoardText();
  if (state === 'online') return null;
  return (
    <div class="connection-banner" role="alert" data-testid="connection-banner">
      {t(state === 'offline' ? 'connection.lost' : 'connection.connecting')}
    </div>
  );
}
