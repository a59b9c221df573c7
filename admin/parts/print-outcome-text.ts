import type { TFunction } from 'i18next';
import type { PrintOutcome } from '../../protocol/printers.ts';

/** A print's outcome in words, for the admin's lists and notices. */
export function printOutcomeText(t: TFunction, outcome: PrintOutcome): string {
  switch (outcome.kind) {
    case 'printing':
      return t('admin:printer.outcome.printing');
    case 'printed':
      return t(outcome.confirmed ? 'admin:printer.outcome.printed' : 'admin:printer.outcome.printed_unconfirmed');
    case 'not_printed':
      return t('admin:printer.outcome.not_printed', { reason: t(`errors:print.${outcome.reason}`) });
  }
}
