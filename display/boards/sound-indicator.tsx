import { useEffect, useState } from 'preact/hooks';
import { Icon } from '../../client/icons.tsx';
import type { SoundGate } from '../../client/voice/sound-gate.ts';
import { useBoardText } from '../board-text.ts';

/**
 * Shows when the browser keeps the board silent and offers the one tap that enables sound
 * (remembered by the sound gate, so later starts unlock on any touch).
 */
export function SoundIndicator({ sound }: { sound: SoundGate }) {
  const { t } = useBoardText();
  const [status, setStatus] = useState(sound.status);
  useEffect(() => {
    setStatus(sound.status);
    return sound.subscribe(setStatus);
  }, [sound]);
  if (status === 'ready') return null;
  if (status === 'unavailable')
    return (
      <p class="sound-indicator sound-indicator--off" data-testid="sound-indicator">
        {t('sound.unavailable')}
      </p>
    );
  return (
    <button
      type="button"
      class="sound-indicator sound-indicator--blocked"
      data-testid="sound-indicator"
      onClick={() => void sound.unlock()}
    >
      <Icon name="sound-off" /> {t('sound.blocked')}
    </button>
  );
}
