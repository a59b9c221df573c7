import { useText } from '../text-context.ts';
import { Face, Star } from './rating-faces.tsx';

/**
 * The big buttons: three faces from most to least satisfied, as centres print them, or five
 * stars from one to five. Each sends its level (1 = least satisfied).
 */
export function RatingChoices(props: { scale: 3 | 5; onChoose: (level: number) => void }) {
  const { t } = useText();
  if (props.scale === 3) {
    return (
      <div class="choices choices--faces">
        {([3, 2, 1] as const).map((level) => (
          <button type="button" key={level} class={`choice choice--${level}`} data-level={level} onClick={() => props.onChoose(level)}>
            <Face level={level} />
            <span>{t(`rating:faces.${level}`)}</span>
          </button>
        ))}
      </div>
    );
  }
  return (
    <div class="choices choices--stars">
      {[1, 2, 3, 4, 5].map((level) => (
        <button type="button" key={level} class="choice" data-level={level} onClick={() => props.onChoose(level)}>
          <span class="stars">
            {[1, 2, 3, 4, 5].map((i) => (
              <Star key={i} filled={i <= level} />
            ))}
          </span>
          <span>{t(`rating:stars.${level}`)}</span>
        </button>
      ))}
    </div>
  );
}

const reasons = ['longWait', 'attitude', 'guidance', 'slow', 'fees'] as const;

/** Why a low rating: a few common reasons (stored in Vietnamese for the centre's reports), or skip. */
export function ReasonChoices(props: { onReason: (reason: string | null) => void }) {
  const { t } = useText();
  return (
    <div class="reasons">
      {reasons.map((r) => (
        <button type="button" key={r} onClick={() => props.onReason(t(`rating:reason.items.${r}`, { lng: 'vi' }))}>
          {t(`rating:reason.items.${r}`)}
        </button>
      ))}
      <button type="button" class="reason-skip" onClick={() => props.onReason(null)}>
        {t('rating:reason.skip')}
      </button>
    </div>
  );
}
