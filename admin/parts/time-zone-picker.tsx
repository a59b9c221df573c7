import { useMemo } from 'preact/hooks';
import { useAdmin } from '../admin-context.ts';

/** Where almost every centre is; listed first. */
const VIETNAM = 'Asia/Ho_Chi_Minh';

/** The zone's offset from UTC now, as "UTC+07:00". */
function offsetOf(zone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  return part === 'GMT' ? 'UTC+00:00' : (part?.replace('GMT', 'UTC') ?? '');
}

/**
 * The centre's time zone, picked from the browser's list of IANA zones (with their offset now)
 * instead of typed: Việt Nam's first, the current one kept even if the browser does not list it.
 */
export function TimeZonePicker(props: { value: string; onChange: (zone: string) => void }) {
  const { t } = useAdmin();
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [VIETNAM, 'UTC'];
    const listed = new Set([VIETNAM, props.value, ...all]);
    return [...listed].map((zone) => ({ zone, label: `${zone.replaceAll('_', ' ')} (${offsetOf(zone)})` }));
  }, [props.value]);
  return (
    <label>
      {t('admin:centre.timeZone')}
      <select name="time-zone" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {zones.map(({ zone, label }) => (
          <option key={zone} value={zone}>
            {zone === VIETNAM ? `${label} · ${t('admin:hoursEditor.vietnam')}` : label}
          </option>
        ))}
      </select>
    </label>
  );
}
