import { DIALECT_PRESETS, DIALECTS, type Dialect } from '../../protocol/voice/dialect.ts';
import type { CentreConfig } from '../../protocol/site-config.ts';
import { useAdmin } from '../admin-context.ts';
import { PrefixWarnings } from './prefix-warnings.tsx';

type Announcement = CentreConfig['announcement'];

/** Props of {@link AnnouncementFields}. */
export interface AnnouncementFieldsProps {
  value: Announcement;
  onChange: (next: Announcement) => void;
  /** The services' prefixes, to warn about ones that sound alike in the chosen dialect. */
  services: ReadonlyArray<{ id: string; prefix: string; name: { vi: string; en: string } }>;
}

const voices: ReadonlyArray<Announcement['voice']> = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'];
type TemplateField = 'template' | 'recallTemplate' | 'briefTemplate' | 'briefRecallTemplate' | 'englishTemplate' | 'englishRecallTemplate';

/**
 * How the call boards announce a call: the dialect (which sets the voice and the number words),
 * the sentences of a call, a recall and a busy hour, repeats and volume. The server checks every
 * sentence against the voices' clips on save and names any phrase that has none.
 */
export function AnnouncementFields({ value, onChange, services }: AnnouncementFieldsProps) {
  const { t } = useAdmin();
  const set = (patch: Partial<Announcement>) => onChange({ ...value, ...patch });
  // A preset sets its words and voice at once; each can still be changed below.
  const setDialect = (dialect: Dialect) => set({ dialect, ...DIALECT_PRESETS[dialect] });
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
  const sentence = (field: TemplateField) => (
    <label class="inline">
      {t(`admin:centre.announcement.${field}`)}
      <input name={`announcement-${field}`} value={value[field]} onInput={(e) => set({ [field]: e.currentTarget.value })} />
    </label>
  );
  return (
    <fieldset>
      <legend>{t('admin:centre.announcement.title')}</legend>
      <label>
        {t('admin:centre.announcement.dialect')}
        <select name="announcement-dialect" value={value.dialect} onChange={(e) => setDialect(e.currentTarget.value as Dialect)}>
          {DIALECTS.map((d) => (
            <option key={d} value={d}>
              {t(`admin:centre.announcement.dialects.${d}`)}
            </option>
          ))}
        </select>
      </label>
      {choice('zeroTens', ['linh', 'lẻ'])}
      {choice('thousand', ['nghìn', 'ngàn'])}
      {choice('fourAfterTens', ['tư', 'bốn'])}
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
      <PrefixWarnings services={services} dialect={value.dialect} />
      {sentence('template')}
      {sentence('recallTemplate')}
      <p class="hint">{t('admin:centre.announcement.templateHint')}</p>
      <details>
        <summary>{t('admin:centre.announcement.more')}</summary>
        {sentence('briefTemplate')}
        {sentence('briefRecallTemplate')}
        <p class="hint">{t('admin:centre.announcement.briefHint')}</p>
        {sentence('englishTemplate')}
        {sentence('englishRecallTemplate')}
      </details>
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
        <input name="announcement-chime" type="checkbox" checked={value.chime} onChange={(e) => set({ chime: e.currentTarget.checked })} />
        {t('admin:centre.announcement.chime')}
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
