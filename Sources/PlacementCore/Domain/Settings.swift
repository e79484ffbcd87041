/// The kind of home a vacancy offers.
public enum Setting: String, Sendable, Codable, CaseIterable {
    case residential, foster, kinship, parentAndChild = "parent_and_child", supportedLodgings = "supported_lodgings", secure, shortBreak = "short_break"

    public var label: String { label(.en) }


    /// Family-based settings, which Welsh policy prefers to residential care.
    public var isFamilyBased: Bool { self == .foster || self == .kinship || self == .parentAndChild }
}

public enum Gender: String, Sendable, Codable, CaseIterable {
    case female, male, other
}

public enum FirstLanguage: String, Sendable, Codable, CaseIterable {
    case welsh, english, bilingual, other
}

/// Who runs a provider (seed report Tables 4.2 and 4.8).
public enum Sector: String, Sendable, Codable, CaseIterable {
    case localAuthority = "local_authority", thirdSector = "third_sector", `private`

    public var label: String { label(.en) }

}

public enum ProfitStatus: String, Sendable, Codable, CaseIterable {
    case forProfit = "for_profit", notForProfit = "not_for_profit"
}

public enum Regulator: String, Sendable, Codable, CaseIterable {
    case ciw = "CIW", ofsted = "Ofsted"
}

public enum ServiceType: String, Sendable, Codable, CaseIterable {
    case childrensHome = "childrens_home", fosteringAgency = "fostering_agency", localAuthorityFostering = "la_fostering"
    case supportedLodgings = "supported_lodgings", secureHome = "secure_home", shortBreaks = "short_breaks", parentAndChild = "parent_and_child"
}

public enum WelshCapability: String, Sendable, Codable, CaseIterable, Comparable {
    case none, some, fluent

    private var rank: Int { self == .none ? 0 : self == .some ? 1 : 2 }
    public static func < (a: WelshCapability, b: WelshCapability) -> Bool { a.rank < b.rank }
}

extension Setting: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.setting" }
}

extension Sector: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.sector" }
}
