// A tiny in-memory router: the current view is a rune; `go` replaces it.
import type { ClientListRequest, InvoiceListRequest, PaymentListRequest } from './bindings';

/** What the invoice list can be opened on (e.g. from the overview's figures). */
export type InvoiceListFilter = Partial<
  Pick<
    InvoiceListRequest,
    | 'state'
    | 'client_id'
    | 'search'
    | 'currency'
    | 'aging'
    | 'due_from'
    | 'due_to'
    | 'issued_from'
    | 'issued_to'
    | 'open_only'
    | 'issued_only'
  >
>;
/** What the payments list can be opened on ("collected per month"). */
export type PaymentListFilter = Partial<Pick<PaymentListRequest, 'currency' | 'from' | 'to' | 'client_id'>>;
/** What the client list can be opened on (who owes, who is overdue). */
export type ClientListFilter = Partial<Pick<ClientListRequest, 'search' | 'sort' | 'currency' | 'balance'>>;

export type View =
  | { name: 'firstrun' }
  | { name: 'overview' }
  | { name: 'today' }
  | { name: 'followups' }
  | { name: 'clients'; filter?: ClientListFilter }
  | { name: 'client'; id: number }
  | { name: 'invoices'; filter?: InvoiceListFilter }
  | { name: 'payments'; filter?: PaymentListFilter }
  | { name: 'invoice'; id: number }
  | { name: 'new-invoice'; clientId?: number }
  | { name: 'edit-invoice'; id: number }
  | { name: 'outbox'; tab?: string }
  | { name: 'bank' }
  | { name: 'data' }
  | { name: 'settings'; section?: SettingsPage };

/** The settings sub-pages, each with its own single Save. */
export const SETTINGS_PAGES = ['business', 'payment', 'email', 'backup', 'database', 'language'] as const;
export type SettingsPage = (typeof SETTINGS_PAGES)[number];

export const router = $state<{ view: View; history: View[] }>({ view: { name: 'clients' }, history: [] });

/**
 * What may stop the user leaving the current screen (a settings page with
 * unsaved edits): given the move, it either lets it happen now (returns
 * false) or keeps it and asks first (returns true), calling `proceed` once
 * the user chose Save or Discard. One guard at a time; the page that set it
 * clears it when it closes.
 */
export type LeaveGuard = (proceed: () => void) => boolean;
let guard: LeaveGuard | null = null;

/** Sets (or with null, clears) the guard; returns a function that clears it if it is still this one. */
export function setLeaveGuard(g: LeaveGuard | null): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

/** Runs `move` now, or once the guard's question is answered. */
export function guarded(move: () => void): void {
  if (guard && guard(move)) return;
  move();
}

export function go(view: View): void {
  guarded(() => {
    router.history = [...router.history.slice(-49), router.view];
    router.view = view;
  });
}

export function back(fallback: View): void {
  guarded(() => {
    const prev = router.history.at(-1);
    router.history = router.history.slice(0, -1);
    router.view = prev ?? fallback;
  });
}

/** Which nav section a view belongs to. */
export function section(
  view: View,
): 'overview' | 'today' | 'clients' | 'invoices' | 'payments' | 'followups' | 'outbox' | 'bank' | 'data' | 'settings' | null {
  switch (view.name) {
    case 'overview':
      return 'overview';
    case 'today':
      return 'today';
    case 'followups':
      return 'followups';
    case 'clients':
    case 'client':
      return 'clients';
    case 'invoices':
    case 'invoice':
    case 'new-invoice':
    case 'edit-invoice':
      return 'invoices';
    case 'payments':
      return 'payments';
    case 'outbox':
      return 'outbox';
    case 'bank':
      return 'bank';
    case 'data':
      return 'data';
    case 'settings':
      return 'settings';
    default:
      return null;
  }
}
