-- Every product that leaves search_documents, whoever deletes it (the engine, a rebuild, an operator's
-- hand), is noted in search_removals, so that the in-memory replicas drop it too.
CREATE FUNCTION search_note_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_removals (product_id) VALUES (OLD.product_id)
  ON CONFLICT (product_id) DO UPDATE SET removed_at = now(), change_xid = pg_current_xact_id();
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_documents_removed AFTER DELETE ON search_documents
  FOR EACH ROW EXECUTE FUNCTION search_note_removal();
