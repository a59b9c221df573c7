import { describe, expect, it } from 'vitest';
import { addLazyBundles, i18nFromBundles } from '../../client/i18n-bundles.ts';

describe('locale bundles loaded after the first screen', () => {
  it('words in Vietnamese until the English strings are in, then in English, for a page already switched', async () => {
    const i18n = i18nFromBundles({ '../locales/vi/kiosk.json': { take: 'Lấy số' } }, ['kiosk']);
    await i18n.changeLanguage('en');
    expect(i18n.t('kiosk:take')).toBe('Lấy số');
    const worded: string[] = [];
    i18n.on('languageChanged', () => worded.push(i18n.t('kiosk:take')));
    await addLazyBundles(i18n, { '../locales/en/kiosk.json': async () => ({ take: 'Take a number' }) });
    expect(i18n.t('kiosk:take')).toBe('Take a number');
    expect(worded).toEqual(['Take a number']);
  });

  it('fails when a bundle cannot be loaded, so the kiosk tries again', async () => {
    const i18n = i18nFromBundles({ '../locales/vi/kiosk.json': { take: 'Lấy số' } }, ['kiosk']);
    await expect(addLazyBundles(i18n, { '../locales/en/kiosk.json': () => Promise.reject(new Error('offline')) })).rejects.toThrow(
      'offline',
    );
  });
});
