import Foundation

/// The shared market as an officer of one authority reads it on a regional server (issue 12).
///
/// Vacancies are shared, but four of their columns can name a child of another authority or its officer:
/// the hold's child and officer, the children a kinship carer is approved for, and who changed the row last.
/// Officers and managers therefore read and write `vacancies` through a view of the same name in the schema
/// `placefinder_market` (first on their `search_path`; `officer add` sets it), with no rights on the table:
/// - a hold for another authority's child shows the child as "another authority" and, as its officer, the
///   authority's code (which authority holds the bed, until when; not which child);
/// - connected children of another authority show as `["another authority"]` (the bed stays theirs alone);
/// - `updated_by` of an officer of another authority, or of anyone not an officer here, shows "another authority".
/// Writes go through `placefinder_market_write()`, which puts the masked values back as stored, and refuses a
/// hold naming another authority's child. The view lists the table's columns of its day, so every migration
/// rebuilds it (`rebuildIfPresent`).
enum PostgresMarket {
    static let schema = "placefinder_market"
    static let anotherAuthority = "another authority"
    static let writers = "placefinder_officer, placefinder_manager"

    /// Drops and creates the view, its defaults, its write trigger and grants, from the table's columns now.
    static func build(_ tx: PostgresTransaction) throws {
        let columns = try tx.rows("""
            SELECT column_name::text, column_default::text FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'vacancies' ORDER BY ordinal_position
            """).map { (name: $0[0] as String, defaultValue: $0[1] as String?) }
        for statement in PostgresSchema.statements(script(columns: columns)) { try tx.execute(statement) }
    }

    static func rebuildIfPresent(_ tx: PostgresTransaction) throws {
        if try tx.one(Bool.self, "SELECT to_regclass('\(schema).vacancies') IS NOT NULL") == true { try build(tx) }
    }

    static func script(columns: [(name: String, defaultValue: String?)]) -> String {
        let mine = "(SELECT placefinder_authority())"
        let holder = "(SELECT c.placing_authority FROM public.children c WHERE c.id = v.hold_child_id)"
        let holdShown = "v.hold_child_id IS NULL OR \(holder) = \(mine)"
        // The writer's authority: pg11's stamp of the writing login when present (the officer name in
        // updated_by need not be a login), else the login named by updated_by.
        let byLogin = "(SELECT o.authority FROM public.officer_authorities o WHERE o.role = v.updated_by)"
        let writerAuthority = columns.map(\.name).contains("updated_authority") ? "COALESCE(v.updated_authority, \(byLogin))" : byLogin
        let masked: [String: String] = [
            "hold_child_id": "CASE WHEN \(holdShown) THEN v.hold_child_id ELSE '\(anotherAuthority)' END",
            "hold_officer": "CASE WHEN \(holdShown) THEN v.hold_officer ELSE \(holder) END",
            "connected_children": """
                CASE WHEN v.connected_children = '[]' OR NOT EXISTS (
                    SELECT 1 FROM json_array_elements_text(v.connected_children::json) e(id)
                    LEFT JOIN public.children c ON c.id = e.id WHERE c.placing_authority IS DISTINCT FROM \(mine))
                THEN v.connected_children ELSE '["\(anotherAuthority)"]' END
                """,
            "updated_by": """
                CASE WHEN v.updated_by IS NULL
                       OR \(writerAuthority) = \(mine)
                THEN v.updated_by ELSE '\(anotherAuthority)' END
                """,
        ]
        let names = columns.map(\.name)
        let list = names.map { name in masked[name].map { "\($0) AS \(name)" } ?? "v.\(name)" }
        var sql = """
            CREATE SCHEMA IF NOT EXISTS \(schema);
            DROP VIEW IF EXISTS \(schema).vacancies;
            CREATE VIEW \(schema).vacancies AS SELECT \(list.joined(separator: ",\n    ")) FROM public.vacancies v;

            """
        for column in columns {
            if let value = column.defaultValue { sql += "ALTER VIEW \(schema).vacancies ALTER COLUMN \(column.name) SET DEFAULT \(value);\n" }
        }
        let news = names.map { "NEW.\($0)" }.joined(separator: ", ")
        let all = names.joined(separator: ", ")
        sql += """
            CREATE OR REPLACE FUNCTION placefinder_market_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = public AS $$
                DECLARE stored public.vacancies%ROWTYPE;
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        SELECT * INTO stored FROM public.vacancies WHERE id = OLD.id;
                        IF NEW.hold_child_id = '\(anotherAuthority)' THEN
                            NEW.hold_child_id := stored.hold_child_id;
                            NEW.hold_officer := stored.hold_officer;
                        END IF;
                        IF NEW.connected_children = '["\(anotherAuthority)"]' THEN NEW.connected_children := stored.connected_children; END IF;
                        IF NEW.updated_by = '\(anotherAuthority)' THEN NEW.updated_by := stored.updated_by; END IF;
                    END IF;
                    IF NEW.hold_child_id IS NOT NULL AND NEW.hold_child_id IS DISTINCT FROM stored.hold_child_id
                       AND (SELECT placing_authority FROM children WHERE id = NEW.hold_child_id) IS DISTINCT FROM placefinder_authority() THEN
                        RAISE EXCEPTION 'a bed can be held only for a child of your own authority';
                    END IF;
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO public.vacancies (\(all)) VALUES (\(news));
                    ELSE
                        UPDATE public.vacancies SET (\(all)) = (\(news)) WHERE id = OLD.id;
                    END IF;
                    RETURN NEW;
                END $$;
            CREATE TRIGGER market_write INSTEAD OF INSERT OR UPDATE ON \(schema).vacancies
                FOR EACH ROW EXECUTE FUNCTION placefinder_market_write();
            GRANT USAGE ON SCHEMA \(schema) TO \(writers), placefinder_commissioner;
            GRANT SELECT, INSERT, UPDATE ON \(schema).vacancies TO \(writers);
            GRANT SELECT ON \(schema).vacancies TO placefinder_commissioner;
            REVOKE ALL ON public.vacancies FROM \(writers);

            """
        return sql
    }
}
