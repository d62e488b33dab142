// Labels for the import and export components of the data features.
import type { EInvoiceOutcome } from '../../lib/bindings';
import { labels } from '../../lib/vocabulary';

export function einvoiceOutcomeLabel(o: EInvoiceOutcome): string {
  return labels.einvoiceOutcome[o];
}
