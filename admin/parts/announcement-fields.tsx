import type { CentreConfig } from '../../protocol/site-config.ts';
import { useAdmin } from '../admin-context.ts';

type Announcement = CentreConfig['announcement'];

/** Props of {@link AnnouncementFields}. */
export interface AnnouncementFieldsProps {
  value: Announcement;
  onChange: (next: Announcement) => void;
}

const voices: ReadonlyArray<Announcement['voice']> = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'];

/**
 * How the call boards announce a call: the sentence, the voice and its reading habits, repeats
 * and volume. The server checks the sentence on save with the rules the boards use (`protocol/voice/`).
 */
export function AnnouncementFields({ value, onChange }: AnnouncementFieldsProps) {
  const { t } = useAdmin();
  const set = (patch: Partial<Announcement>) => onChange({ ...value, ...patch });
  const choice = <K extends 'zeroTens' | 'thousand' | 'fourAfterTens'>(key: K, options: ReadonlyArray<Announcement[K]>) => (
    <label>
      {t(`admin:centre.announcement.${key}`)}
      <select
        name={`announcement-${key}`}
        value={value[key]}
        onChange={(e) => set({ [key]: e.currentTarget.value } as Partial<Announcement>)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset>
      <legend>{t('admin:centre.announcement.title')}</legend>
      <label class="inline">
        {t('admin:centre.announcement.template')}
        <input name="announcement-template" value={value.template} onInput={(e) => set({ template: e.currentTarget.value })} />
      </label>
      <p class="hint">{t('admin:centre.announcement.templateHint')}</p>
      <label>
        {t('admin:centre.announcement.voice')}
        <select
          name="announcement-voice"
          value={value.voice}
          onChange={(e) => set({ voice: e.currentTarget.value as Announcement['voice'] })}
        >
          {voices.map((v) => (
            <option key={v} value={v}>
              {t(`admin:centre.announcement.voices.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin:centre.announcement.repeat')}
        <input
          name="announcement-repeat"
          type="number"
          min={1}
          max={5}
          value={value.repeat}
          onInput={(e) => set({ repeat: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        {t('admin:centre.announcement.volume')}
        <input
          name="announcement-volume"
          type="number"
          min={0}
          max={100}
          step={5}
          value={Math.round(value.volume * 100)}
          onInput={(e) => set({ volume: Number(e.currentTarget.value) / 100 })}
        />
      </label>
      {choice('zeroTens', ['linh', 'lẻ'])}
      {choice('thousand', ['nghìn', 'ngàn'])}
      {choice('fourAfterTens', ['tư', 'bốn'])}
      <label class="check">
        <input
          name="announcement-english"
          type="checkbox"
          checked={value.english}
          onChange={(e) => set({ english: e.currentTarget.checked })}
        />
        {t('admin:centre.announcement.english')}
      </label>
      <label class="check">
        <input
          name="announcement-system-voice"
          type="checkbox"
          checked={value.preferSystemVoice}
          onChange={(e) => set({ preferSystemVoice: e.currentTarget.checked })}
        />
        {t('admin:centre.announcement.preferSystemVoice')}
      </label>
    </fieldset>
  );
}
