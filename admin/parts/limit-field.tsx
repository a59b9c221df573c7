import './limit-field.css';
import type { LimitField } from '../../protocol/limit-fields.ts';
import type { LimitRange } from '../../protocol/limits.ts';
import { useAdmin } from '../admin-context.ts';

/**
 * One limit: its label, the number with its unit, the default and the allowed values beside it,
 * and the server's reason when a save refused it.
 */
export function LimitFieldInput(props: {
  field: LimitField;
  value: string;
  fallback: number;
  range: LimitRange | undefined;
  problem: string | undefined;
  onInput: (value: string) => void;
}) {
  const { t, lang } = useAdmin();
  const { field, range, problem } = props;
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
  const unit = t(`admin:limits.units.${field.unit}`);
  const changed = props.value.trim() !== '' && Number(props.value) !== props.fallback;
  const errorId = `limit-error-${field.path}`;
  return (
    <label class="limit-field" data-limit={field.path}>
      {t(`admin:limits.fields.${field.path}`)}
      <span class="limit-field__value">
        <input
          type="number"
          name={field.path}
          step={range?.integer === false ? 'any' : 1}
          {...(range && { min: range.min, max: range.max })}
          value={props.value}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? errorId : undefined}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
        <span class="limit-field__unit">{unit}</span>
        {changed && <span class="pill pill--paused">{t('admin:limits.changed')}</span>}
      </span>
      <span class="limit-field__default">
        {t('admin:limits.default', {
          value: `${number.format(props.fallback)} ${unit}`,
          min: range ? number.format(range.min) : '',
          max: range ? number.format(range.max) : '',
        })}
      </span>
      {problem && (
        <span class="limit-field__problem" id={errorId} role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
