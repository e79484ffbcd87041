public struct ContactDetails: Sendable, Hashable, Codable {
    public var name: String
    public var phone: String
    public var email: String
    public init(name: String = "", phone: String = "", email: String = "") {
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// A registered provider: a council's own service, a charity or a company.
public struct Provider: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var sector: Sector
    public var profitStatus: ProfitStatus
    public var regulator: Regulator
    public var registrationNumber: String
    public var serviceType: ServiceType
    public var postcode: String
    /// ONS code of the authority the provider sits in.
    public var authorityCode: String
    public var welshLanguage: WelshCapability
    /// Need codes the provider can meet in all its homes.
    public var capabilities: [String]
    public var contact: ContactDetails
    /// The regulator's latest inspection, when known.
    public var inspection: Inspection?
    /// Places the regulator registers a children's home for (nil: not recorded; not for fostering services).
    public var registeredPlaces: Int?

    public init(id: String, name: String, sector: Sector, profitStatus: ProfitStatus? = nil,
                regulator: Regulator = .ciw, registrationNumber: String, serviceType: ServiceType,
                postcode: String, authorityCode: String, welshLanguage: WelshCapability = .none,
                capabilities: [String] = [], contact: ContactDetails = .init(), inspection: Inspection? = nil,
                registeredPlaces: Int? = nil) {
        self.id = id
        self.name = name
        self.sector = sector
        self.profitStatus = profitStatus ?? (sector == .private ? .forProfit : .notForProfit)
        self.regulator = regulator
        self.registrationNumber = registrationNumber
        self.serviceType = serviceType
        self.postcode = postcode
        self.authorityCode = authorityCode
        self.welshLanguage = welshLanguage
        self.capabilities = capabilities
        self.contact = contact
        self.inspection = inspection
        self.registeredPlaces = registeredPlaces
    }
}
