// The one typed layer over the Tauri commands. Components never call `invoke`.
import { invoke } from '@tauri-apps/api/core';
import type {
  Bootstrap,
  ChasingInput,
  ClientDetail,
  ClientInput,
  ClientListRequest,
  ClientRow,
  CreatedInvoice,
  DemoResult,
  InvoiceDetail,
  InvoiceInput,
  InvoiceListRequest,
  InvoiceRow,
  NoteInput,
  Page,
  PaymentInput,
  SettingsView,
  TotalsRequest,
  TotalsView,
} from './bindings';
import { normaliseError } from './errors';

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw normaliseError(e);
  }
}

export const api = {
  bootstrap: () => call<Bootstrap>('bootstrap'),
  seedDemo: (clients: number, invoices: number) => call<DemoResult>('seed_demo', { clients, invoices }),
  appReady: () => call<null>('app_ready'),

  getSettings: () => call<SettingsView>('get_settings'),
  saveSettings: (input: SettingsView) => call<SettingsView>('save_settings', { input }),

  listClients: (req: ClientListRequest) => call<Page<ClientRow>>('list_clients', { req }),
  getClient: (id: number) => call<ClientDetail>('get_client', { id }),
  createClient: (input: ClientInput) => call<number>('create_client', { input }),
  updateClient: (id: number, input: ClientInput) => call<null>('update_client', { id, input }),
  setChasing: (id: number, input: ChasingInput) => call<null>('set_chasing', { id, input }),

  previewTotals: (req: TotalsRequest) => call<TotalsView>('preview_totals', { req }),
  createInvoice: (input: InvoiceInput) => call<CreatedInvoice>('create_invoice', { input }),
  updateDraft: (id: number, input: InvoiceInput) => call<null>('update_draft', { id, input }),
  issueInvoice: (id: number) => call<null>('issue_invoice', { id }),
  cancelInvoice: (id: number, reason: string) => call<null>('cancel_invoice', { id, reason }),
  listInvoices: (req: InvoiceListRequest) => call<Page<InvoiceRow>>('list_invoices', { req }),
  getInvoice: (id: number) => call<InvoiceDetail>('get_invoice', { id }),

  recordPayment: (input: PaymentInput) => call<number>('record_payment', { input }),
  addNote: (input: NoteInput) => call<number>('add_note', { input }),
};
