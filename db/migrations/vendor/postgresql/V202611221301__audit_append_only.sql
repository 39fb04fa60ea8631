-- PostgreSQL only: the audit trail cannot be edited through the application's connection.
-- UPDATE, DELETE and TRUNCATE of events and checkpoints are refused; the chain head only moves
-- forward onto an event that exists with that hash. The one way to remove events is
-- audit_prune(through_seq): a prefix of the trail that a signed checkpoint covers and that is older
-- than 30 days, the shortest retention Monocle accepts (monocle.audit.retention.days).
-- These triggers are the second line: the runtime role should also lack UPDATE, DELETE and
-- TRUNCATE on audit_* tables and should not own them (README, "Audit trail").

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_event'
     AND current_setting('monocle.audit_prune', true) = 'on' THEN
    IF OLD.seq <= (SELECT max(seq) FROM audit_checkpoint)
       AND OLD.at < (now() AT TIME ZONE 'UTC') - INTERVAL '30 days' THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id = OLD.id AND NEW.seq > OLD.seq
       AND EXISTS (SELECT 1 FROM audit_event WHERE seq = NEW.seq AND hash = NEW.hash) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'the audit chain head only moves forward onto an appended event: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only();

-- Retention: removes the events up to and including a signed checkpoint, nothing else.
CREATE FUNCTION audit_prune(through_seq BIGINT) RETURNS BIGINT
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  pruned BIGINT;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_checkpoint WHERE seq = through_seq) THEN
    RAISE EXCEPTION 'audit events are pruned only up to a signed checkpoint'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM audit_event WHERE seq = through_seq
             AND at >= (now() AT TIME ZONE 'UTC') - INTERVAL '30 days') THEN
    RAISE EXCEPTION 'audit events younger than 30 days are never pruned'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('monocle.audit_prune', 'on', true);
  DELETE FROM audit_event WHERE seq <= through_seq;
  GET DIAGNOSTICS pruned = ROW_COUNT;
  PERFORM set_config('monocle.audit_prune', 'off', true);
  RETURN pruned;
END
$$;
