import Foundation

/// PostgreSQL-only step "pg12": what every PostgreSQL store needs so that row-level security (added by
/// `placefinder server init`, PostgresRoles.swift) cannot bend the store's own bookkeeping.
///
/// - An officer sees only some audit entries, but every entry must chain to the true last one: the tail
///   (id, time, hash: no contents) comes from `placefinder_audit_tail()`, which reads the whole trail, and
///   the append-order trigger reads it the same way.
/// - Provider stability figures are shared by every authority, yet placements are private: the figures are
///   computed from `placement_spans` (provider, days, ending, notice; no child, no placement id).
/// Functions and views run with their owner's rights (the store's creator), which row-level security exempts.
enum PostgresSchemaPG12 {
    static func sql() -> String {
        """
        CREATE FUNCTION placefinder_audit_tail() RETURNS TABLE (id BIGINT, at TEXT, hash TEXT)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
            AS $$ SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1 $$;
        ALTER FUNCTION audit_log_append_in_order() SECURITY DEFINER SET search_path = public;
        CREATE VIEW placement_spans AS
            SELECT provider_id, start_day, actual_end_day, ending, notice_hours, undone_at FROM placements;
        """
    }
}
