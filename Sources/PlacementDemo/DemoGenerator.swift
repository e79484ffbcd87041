import PlacementCore
import Foundation

/// Builds a realistic, entirely fictional Welsh placements world for demos and load tests.
/// Pure and deterministic: the same options give the same dataset, byte for byte.
public enum DemoGenerator {
    public static func generate(_ options: DemoOptions) -> DemoDataset {
        let geography = Geography.wales
        let seed = options.seed
        var book = PostcodeBook(geography: geography)

        var providerMaker = DemoProviderMaker(geography: geography, rng: DemoRandom(seed: seed, stream: 1), postcodes: book)
        var providers = DemoProviderMaker.inspected(providerMaker.make(count: max(1, options.providers)), today: options.today)
        book = providerMaker.postcodes

        var childMaker = DemoChildMaker(rng: DemoRandom(seed: seed, stream: 2), postcodes: book, today: options.today)
        var children = childMaker.make(count: max(0, options.children))
        book = childMaker.postcodes

        var pickerRng = DemoRandom(seed: seed, stream: 3)
        let picker = DemoProviderPicker(geography: geography, providers: providers, rng: &pickerRng)
        var history = DemoHistoryMaker(picker: picker, geography: geography, today: options.today, now: options.now,
                                       rng: DemoRandom(seed: seed, stream: 4))
        history.make(children: &children)
        var demand = DemoDemand(rng: DemoRandom(seed: seed, stream: 9))
        demand.apply(&history, children: &children, postcodes: &book)
        history.rebalance(children: children)
        var placements = history.placements

        var vacancyMaker = DemoVacancyMaker(providers: providers, geography: geography, today: options.today, now: options.now,
                                            rng: DemoRandom(seed: seed, stream: 5), postcodes: book)
        let made = vacancyMaker.make(count: max(0, options.vacancies), children: children, placements: &placements)
        var vacancies = DemoKinship.connect(made, providers: providers.map(\.provider), children: children.map(\.child))
        book = vacancyMaker.postcodes

        var market = DemoMarket(rng: DemoRandom(seed: seed, stream: 8), today: options.today)
        market.terms(&placements, providers: providers, children: children.map(\.child))
        market.scarcity(&vacancies, providers: &providers, placements: placements)

        var childRecords = children.map(\.child)
        var residents = DemoResidents(rng: DemoRandom(seed: seed, stream: 9))
        residents.profile(&childRecords, placements: placements, providers: providers.map(\.provider), today: options.today)

        var noticeMaker = DemoNoticeMaker(today: options.today, now: options.now, rng: DemoRandom(seed: seed, stream: 6))
        let notices = noticeMaker.make(pending: history.pending, placements: placements, vacancies: vacancies,
                                       target: max(30, options.children / 5))
        var contactMaker = DemoContactMaker(now: options.now, rng: DemoRandom(seed: seed, stream: 7))
        let contacts = contactMaker.make(children: children, vacancies: vacancies, placements: placements)

        return DemoDataset(providers: providers.map(\.provider), vacancies: vacancies, children: childRecords,
                           placements: placements, notices: notices, contacts: contacts, postcodes: book.records)
    }
}
