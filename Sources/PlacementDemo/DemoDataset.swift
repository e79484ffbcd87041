import PlacementCore
import Foundation

/// Everything the demo generator makes, ready to load into a store.
public struct DemoDataset: Sendable, Hashable {
    public var providers: [Provider]
    public var vacancies: [Vacancy]
    public var children: [Child]
    public var placements: [Placement]
    public var notices: [ProviderNotice]
    public var contacts: [Contact]
    /// Every postcode used anywhere in the dataset, with its coordinate and authority, so a store
    /// geocodes them exactly (the demo postcodes are invented and are not in the real directory).
    public var postcodes: [PostcodeRecord]

    public init(providers: [Provider] = [], vacancies: [Vacancy] = [], children: [Child] = [],
                placements: [Placement] = [], notices: [ProviderNotice] = [], contacts: [Contact] = [],
                postcodes: [PostcodeRecord] = []) {
        self.providers = providers
        self.vacancies = vacancies
        self.children = children
        self.placements = placements
        self.notices = notices
        self.contacts = contacts
        self.postcodes = postcodes
    }
}

/// What to generate. `today` and `now` are inputs, never read from the clock, so output is reproducible.
public struct DemoOptions: Sendable {
    public var seed: UInt64 = 2026
    public var providers = 200
    public var vacancies = 600
    public var children = 150
    public var today: Day
    public var now: Date

    public init(seed: UInt64 = 2026, providers: Int = 200, vacancies: Int = 600, children: Int = 150,
                today: Day, now: Date) {
        self.seed = seed
        self.providers = providers
        self.vacancies = vacancies
        self.children = children
        self.today = today
        self.now = now
    }
}
