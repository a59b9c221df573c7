import vi from '../../locales/vi/ticket.json' with { type: 'json' };
import en from '../../locales/en/ticket.json' with { type: 'json' };

/** The fixed words of a ticket; keys of `locales/<lang>/ticket.json`. */
export type TicketWordKey = keyof typeof vi;
/** One language's fixed ticket words. */
export type TicketWords = Readonly<Record<TicketWordKey, string>>;

// `satisfies` makes the compiler check that English has every Vietnamese key.
const tables = { vi, en: en satisfies TicketWords } as const;

/** The fixed ticket words for a language (a static lookup: no I/O at print time). */
export function ticketWords(language: 'vi' | 'en'): TicketWords {
  return tables[language];
}

/** Fill `{{name}}` placeholders, i18next style, so the same JSON serves i18next elsewhere. */
export function fillWords(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
