// Words for a bank entry's outcome and a match's tier.

const STATUS: Record<string, string> = {
  recorded: 'Payment recorded',
  review: 'To review',
  unmatched: 'No matching invoice',
  debit: 'Money out',
  known: 'Imported before',
  ignored: 'Not a client payment',
  assigned: 'Recorded after review',
};

export function entryStatusLabel(status: string): string {
  return STATUS[status] ?? status;
}

export function tierLabel(tier: number): string {
  switch (tier) {
    case 1:
      return 'by payment reference';
    case 2:
      return 'by invoice number';
    case 3:
      return 'by known payer and amount';
    default:
      return '';
  }
}
