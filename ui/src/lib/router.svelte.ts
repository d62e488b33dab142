// A tiny in-memory router: the current view is a rune; `go` replaces it.

export type View =
  | { name: 'firstrun' }
  | { name: 'overview' }
  | { name: 'today' }
  | { name: 'followups' }
  | { name: 'clients' }
  | { name: 'client'; id: number }
  | { name: 'invoices' }
  | { name: 'invoice'; id: number }
  | { name: 'new-invoice'; clientId?: number }
  | { name: 'edit-invoice'; id: number }
  | { name: 'outbox'; tab?: string }
  | { name: 'bank' }
  | { name: 'data' }
  | { name: 'settings'; section?: 'email' };

export const router = $state<{ view: View; history: View[] }>({ view: { name: 'clients' }, history: [] });

export function go(view: View): void {
  router.history = [...router.history.slice(-49), router.view];
  router.view = view;
}

export function back(fallback: View): void {
  const prev = router.history.at(-1);
  router.history = router.history.slice(0, -1);
  router.view = prev ?? fallback;
}

/** Which nav section a view belongs to. */
export function section(
  view: View,
): 'overview' | 'today' | 'clients' | 'invoices' | 'followups' | 'outbox' | 'bank' | 'data' | 'settings' | null {
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
