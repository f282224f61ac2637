-- Each audit row carries a MAC made by the server when it wrote the row (HMAC-SM3 with the key in the key
-- folder, which the database never holds): a row inserted or edited by anyone else fails verification,
-- sealed or not. `at` is set by the server from now on, so the MAC covers it.
ALTER TABLE audit_log ADD COLUMN mac text;
ALTER TABLE audit_log ALTER COLUMN at DROP DEFAULT;

-- Rows up to this id were written before row MACs existed; every later row must carry one.
CREATE TABLE audit_mac_since (
  id        integer PRIMARY KEY CHECK (id = 1),
  audit_id  bigint NOT NULL
);
INSERT INTO audit_mac_since (id, audit_id) SELECT 1, coalesce(max(id), 0) FROM audit_log;
CREATE TRIGGER audit_mac_since_guard BEFORE UPDATE OR DELETE ON audit_mac_since
  FOR EACH ROW EXECUTE FUNCTION append_only_guard();

-- The chain head only moves forward and is never removed. (The table owner can still disable a trigger:
-- the signed checkpoints kept outside the database catch a head moved back all the same.)
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_chain_head is never removed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.chain_pos < OLD.chain_pos THEN
    RAISE EXCEPTION 'audit_chain_head only moves forward' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
