import { describe, expect, it } from 'vitest';
import { queueRequest } from './send';

describe('queueRequest', () => {
  it('names nothing for "send all", so every e-mail due today is queued', () => {
    expect(queueRequest({})).toEqual({ invoice_ids: [], plan_ids: [], promise_ids: [], expected_total: null });
  });

  it('keeps each kind of message in its own list', () => {
    expect(queueRequest({ invoiceIds: [1, 2], planIds: [7], promiseIds: [9] })).toEqual({
      invoice_ids: [1, 2],
      plan_ids: [7],
      promise_ids: [9],
      expected_total: null,
    });
    expect(queueRequest({ planIds: [7] })).toEqual({ invoice_ids: [], plan_ids: [7], promise_ids: [], expected_total: null });
  });

  it('carries the confirmed number of "send all", so a changed queue is refused', () => {
    expect(queueRequest({}, 73).expected_total).toBe(73);
  });
});
