-- A client's balance is recomputed from the client's own invoices, whatever
-- the planner's statistics say (0003 read it through the open-invoice
-- partial indexes' predicate).
--
-- With `status = 'issued' AND paid_minor < total_minor` in its WHERE, the
-- query matched the predicate of three partial indexes led by currency or
-- id (invoices_unpaid_by_currency, invoices_open_by_id). A team database
-- filled in one transaction (the demo data, a CSV import) has the
-- statistics of its empty or all-draft tables until autovacuum sees the
-- commit, so the cached generic plan took those partial indexes for empty
-- and scanned every open invoice of the currency for each row: 1.7-2.3 ms a
-- call, and 40,000 demo invoices took 4 minutes to seed. "Still owing" is
-- now a FILTER of the aggregates, so no partial index applies and the only
-- index that serves the WHERE is invoices_by_client (client_id first; it
-- covers every column read).
CREATE OR REPLACE FUNCTION kindly_client_balance(c BIGINT, cur TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM clients WHERE id = c FOR NO KEY UPDATE;
    DELETE FROM client_balances WHERE client_id = c AND currency = cur;
    INSERT INTO client_balances (client_id, currency, owed_minor, open_invoices, oldest_open_due)
        SELECT c, cur, SUM(total_minor - paid_minor) FILTER (WHERE paid_minor < total_minor),
               COUNT(*) FILTER (WHERE paid_minor < total_minor),
               MIN(due_date) FILTER (WHERE paid_minor < total_minor)
        FROM invoices
        WHERE client_id = c AND currency = cur AND status = 'issued'
        HAVING COUNT(*) FILTER (WHERE paid_minor < total_minor) > 0;
END
$$;
