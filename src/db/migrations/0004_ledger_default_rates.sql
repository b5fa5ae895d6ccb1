-- Rates as data: VAT at the reduced 7% (the statutory rate is 10%; the reduction is renewed by royal
-- decree, so an operator closes this row and adds the next when it changes) and the operator's
-- default commission of 5% of the goods value (unconfirmed: a default an operator changes in the
-- console). Fixed ids so the rows are the same on every database.
INSERT INTO "tax_rates" ("id", "tax", "rate_bp", "valid_from", "valid_to", "note")
VALUES ('0190d3a0-0000-7000-8000-000000000007', 'vat', 700, '1999-04-01T00:00:00+07:00', NULL, 'VAT 7% (reduced from the statutory 10% by royal decree)');
--> statement-breakpoint
INSERT INTO "commission_rates" ("id", "seller_id", "rate_bp", "valid_from", "valid_to", "created_by")
VALUES ('0190d3a0-0000-7000-8000-000000000500', NULL, 500, '2020-01-01T00:00:00+07:00', NULL, NULL);
