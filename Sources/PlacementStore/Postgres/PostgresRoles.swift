import Foundation
import GRDB

/// What a database role may do on a regional server (issue 12). Officers log in as their own database role
/// (peer over the Unix socket, or SCRAM password over TLS), a member of one of these group roles; the
/// audit trail records that role (`audit_log.db_user`, `session_user`) beside the name the program gives.
public enum OfficerRole: String, Sendable, CaseIterable {
    case officer, manager, commissioner, admin

    /// The group role (NOLOGIN) that holds the privileges.
    public var group: String { "placefinder_\(rawValue)" }
}

/// The roles, privileges and row-level security `placefinder server init` adds to a new store.
///
/// Row-level security keeps a child's records with the authority placing them: `children` rows whose
/// `placing_authority` is the officer's authority (`officer_authorities`, looked up by `session_user`), and
/// the placements, calls and child-naming notices of those children only; providers, vacancies and vacancy
/// notices are shared, vacancies through the masked market view (PostgresMarket.swift). What else is shared,
/// the audit trail's filter and the managers' and commissioners' aggregate reports: PostgresPrivacy.swift.
/// Other authorities' children in a home, by age, gender and risks only, for the match: PostgresSchemaPG13.swift.
/// Commissioners read those aggregates and the shared market (PostgresCommissioners.swift), never a child's
/// record. The audit trail is insert-only for every role
/// (no UPDATE, DELETE or TRUNCATE granted, and triggers refuse them anyway). Admins see everything.
enum PostgresRoles {
    static let shared = ["providers", "postcodes", "need_catalogue", "settings", "placefinder_migrations"]
    static let privateToAuthority = ["children", "placements", "contacts", "notices"]
    static let counters = ["table_versions", "id_counters"]
    static let writers = "placefinder_officer, placefinder_manager"

    /// A migration's `grants` on a server made before it, whose roles exist (`server init` ran, leaving
    /// `officer_authorities`); a server initialised later gets them from `script()`.
    static func onAnInitialisedServer(_ grants: String) -> String {
        """
        DO $$ BEGIN
            IF to_regclass('public.officer_authorities') IS NOT NULL THEN
                \(grants)
            END IF;
        END $$;
        """
    }

    static func script() -> String {
        var sql = """
            CREATE TABLE officer_authorities (role TEXT PRIMARY KEY, authority TEXT NOT NULL);
            \(PostgresCommissioners.authorityFunction)

            """
        // Roles belong to the whole server: two databases initialised at once may both try to create one.
        for role in OfficerRole.allCases {
            sql += """
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role.group)') THEN CREATE ROLE \(role.group) NOLOGIN; END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$;

                """
        }
        sql += """
            GRANT SELECT ON \(shared.joined(separator: ", ")), officer_authorities TO \(writers), placefinder_admin;
            GRANT SELECT ON vacancies TO placefinder_admin;
            GRANT SELECT ON placement_spans TO \(writers), placefinder_admin;
            GRANT EXECUTE ON FUNCTION \(PostgresSchemaPG13.signature) TO \(PostgresSchemaPG13.grantees);
            GRANT SELECT ON placefinder_migrations TO placefinder_commissioner;
            \(PostgresCommissioners.grants)
            \(PostgresAggregates.grants)
            \(PostgresRowLog.grants)
            GRANT INSERT, UPDATE ON providers TO \(writers), placefinder_admin;
            GRANT INSERT, UPDATE ON vacancies TO placefinder_admin;
            GRANT SELECT, INSERT, UPDATE ON \(privateToAuthority.joined(separator: ", ")) TO \(writers), placefinder_admin;
            GRANT SELECT, UPDATE ON \(counters.joined(separator: ", ")) TO \(writers), placefinder_admin;
            GRANT SELECT, INSERT ON audit_log TO \(writers), placefinder_admin;
            GRANT INSERT ON audit_log TO placefinder_commissioner;
            GRANT INSERT, UPDATE, DELETE ON postcodes, need_catalogue, settings TO placefinder_admin;
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM \(writers), placefinder_commissioner, placefinder_admin;

            ALTER TABLE children ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_authority ON children
                USING (placing_authority = placefinder_authority()) WITH CHECK (placing_authority = placefinder_authority());

            """
        for table in ["placements", "contacts"] {
            sql += """
                ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
                CREATE POLICY own_authority ON \(table) USING (EXISTS (SELECT 1 FROM children c WHERE c.id = child_id))
                    WITH CHECK (EXISTS (SELECT 1 FROM children c WHERE c.id = child_id));

                """
        }
        sql += """
            ALTER TABLE notices ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_authority ON notices
                USING (child_id IS NULL OR EXISTS (SELECT 1 FROM children c WHERE c.id = child_id))
                WITH CHECK (child_id IS NULL OR EXISTS (SELECT 1 FROM children c WHERE c.id = child_id));

            """
        for table in privateToAuthority {
            sql += "CREATE POLICY administer ON \(table) TO placefinder_admin USING (true) WITH CHECK (true);\n"
        }
        return sql
    }

    /// A role name PostgreSQL takes unquoted: lower-case letters, digits and underscores, not starting with a digit.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_", name.count <= 63 else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    }
}

extension PostgresStore {
    /// `placefinder server init URL`: the schema in a database that has none, then the roles, privileges and
    /// row-level security above, in one transaction (group roles already on the server are reused).
    public static func initServer(url text: String, defaultUser: String) throws -> PostgresStore {
        let store = try create(url: text, defaultUser: defaultUser)
        try store.write { tx in
            for statement in PostgresSchema.statements(PostgresRoles.script()) { try tx.execute(statement) }
            try PostgresMarket.build(tx)
            for statement in PostgresSchema.statements(PostgresPrivacy.script()) { try tx.execute(statement) }
        }
        return store
    }

    /// `placefinder officer add NAME --authority CODE --role ROLE`: a login role in `role`'s group, placing for
    /// `authority` (an ONS code). A commissioner's code sets what their aggregates cover: W92000004 all of
    /// Wales, an authority's code its regional partnership board. Needs a role that may create roles.
    public func addOfficer(_ name: String, authority: String, role: OfficerRole) throws {
        guard PostgresRoles.isPlainName(name) else {
            throw StoreError.rejected(.officerNameFormat)
        }
        guard authority.count == 9, authority.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
            throw StoreError.rejected(.authorityCodeFormat)
        }
        try write { tx in
            guard try tx.one(Bool.self, "SELECT to_regclass('officer_authorities') IS NOT NULL") == true else {
                throw StoreError.rejected(.noRolesYet)
            }
            try tx.execute("CREATE ROLE \(name) LOGIN IN ROLE \(role.group)")
            // Officers, managers and commissioners find the masked market (PostgresMarket.swift) before the tables.
            if role != .admin {
                try tx.execute("ALTER ROLE \(name) SET search_path = \(PostgresMarket.schema), public")
            }
            try tx.execute("INSERT INTO officer_authorities (role, authority) VALUES ($1, $2)", [name, authority])
            try Self.append(AuditEntry(user: location.user, action: "officer.add", recordType: "officer", recordID: name,
                                       detail: "role \(role.rawValue); authority \(authority)"), in: tx)
        }
    }
}
