import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// The place form: built from the store's plan, it offers only what will succeed and asks for what the
/// write needs; after placing, the child's page is one key away; undo from the page asks why.
@Suite struct PlaceFormTests {
    static let cardiff = GeoLocation(coordinate: Coordinate(latitude: 51.48, longitude: -3.18), authorityCode: "W06000015", precision: .postcode)
    static let swansea = GeoLocation(coordinate: Coordinate(latitude: 51.62, longitude: -3.94), authorityCode: "W06000011", precision: .postcode)

    /// The plan the runtime would send for the form on screen, from the fixture records.
    static func plan(_ m: Model, bed: GeoLocation = swansea, hold: Hold? = nil, status: ChildStatus? = nil) -> PlacePlan {
        let form = m.placeForm!
        let data = m.data!
        var vacancy = data.vacancies.first { $0.id == form.vacancyID }!
        if let hold { vacancy.hold = hold; vacancy.status = .held }
        var provider = data.providers.first { $0.id == vacancy.providerID }!
        provider.profitStatus = .notForProfit
        var child = data.children.first { $0.id == form.childID }!
        child.placingAuthority = "W06000015"
        child.acceptableSettings = Setting.allCases.filter { $0 != .secure }
        child.needs = []
        child.safeguarding = SafeguardingConstraints()
        child.welshPlacement = nil
        if let status { child.status = status }
        vacancy.ageRange = 0...17
        vacancy.gendersAccepted = Set(Gender.allCases)
        vacancy.availableFrom = Fixtures.today
        vacancy.connectedChildIDs = []
        let records = PlaceRecords(child: child, vacancy: vacancy, provider: provider, home: cardiff, bed: bed)
        return Workflow.placePreflight(records, id: "PL00999", start: form.start, move: form.move, officer: "ceri.jones", now: Fixtures.now)
    }

    @Test func pOpensTheFormAndAsksTheStoreForThePlan() {
        var m = matchModel(width: 132, height: 43)
        let v = m.match!.selected!.vacancy.id
        let commands = m.press(.char("p"))
        let start = m.placeForm!.start
        #expect(commands == [.planPlacement(childID: "C1005", vacancyID: v, start: start, move: nil)])
        #expect(m.context == .placeForm && m.screenText.contains("Working out what placing would do"))
        // Nothing to confirm until the plan is in.
        #expect(m.press(.enter) == [])
        // A later start asks again, and the answer for the earlier start is dropped when it lands.
        let earlier = Self.plan(m)
        #expect(m.press(.right) == [.planPlacement(childID: "C1005", vacancyID: v, start: start.adding(days: 1), move: nil)])
        _ = update(&m, .placementPlanned(earlier))
        #expect(m.placeForm?.plan == nil)
        _ = update(&m, .placementPlanned(Self.plan(m)))
        #expect(m.placeForm?.plan?.start == start.adding(days: 1))
        // The start never goes before today.
        m.placeForm!.start = m.today
        #expect(m.press(.left) == [])
    }

    @Test func aBedHeldByAColleagueForAnotherChildIsNotOffered() {
        var m = matchModel(width: 132, height: 43)
        m.press(.char("p"))
        let hold = Hold(childID: "C1003", officer: "alun.owen", expiresAt: Fixtures.now.addingTimeInterval(3600))
        _ = update(&m, .placementPlanned(Self.plan(m, hold: hold)))
        let text = m.screenText
        #expect(text.contains("Cannot place: vacancy") && text.contains("held by alun.owen for another child"))
        #expect(!text.contains("release the hold") && !text.contains("This will:"))
        #expect(m.press(.enter) == [])
    }

    @Test func anOutOfCountyBedAsksForThePanelsApprovalBeforePlacing() {
        var m = matchModel(width: 132, height: 43)
        let v = m.match!.selected!.vacancy.id
        m.press(.char("p"))
        let plan = Self.plan(m)
        #expect(plan.refusal == nil, "\(String(describing: plan.refusal))")
        _ = update(&m, .placementPlanned(plan))
        let text = m.screenText
        #expect(text.contains("This will:") && text.contains("start placement PL00999") && text.contains("write the audit trail"))
        #expect(text.contains("Needed before it starts:") && text.contains("out of county, other Welsh LA (reg 12(3))"))
        // Enter refuses, naming what is missing.
        #expect(m.press(.enter) == [])
        #expect(m.screenText.contains("Type the panel's approval: out of county"))
        // Typing on the start line goes to the approval that is missing.
        m.type("Panel 16 Jun")
        #expect(m.placeForm?.focus == .approval(.panel))
        let placed = m.press(.enter)
        // Nothing said about the terms: the provider's fee is what is agreed.
        #expect(placed == [.place(childID: "C1005", vacancyID: v, start: plan.start, move: nil,
                                  approvals: PlacementApprovals(panel: "Panel 16 Jun"), terms: PlacementTerms(weeklyCost: Self.fee(m, v)))])
        #expect(m.screenText.contains("Placing…"))

        // Placed: the form closes and the child's page is one key away, through the audited gate.
        _ = update(&m, .commandSucceeded("C1005 placed as PL00999"))
        #expect(m.placeForm == nil && m.status == "C1005 placed as PL00999 — g opens their page")
        let opened = m.press(.char("g"))
        #expect(opened.contains { if case .audit(_, "child", "C1005", _) = $0 { true } else { false } })
        #expect(m.match == nil && m.context == .childPage)
    }

    @Test func aRefusedPlacementKeepsTheFormAndPlansAgain() {
        var m = matchModel(width: 132, height: 43)
        m.press(.char("p"))
        _ = update(&m, .placementPlanned(Self.plan(m, bed: Self.cardiff)))
        #expect(!m.screenText.contains("Needed before it starts"))
        #expect(m.press(.enter).count == 1)
        let again = update(&m, .commandFailed("changed by alun.owen at 10:42 — reload"))
        #expect(again == [m.placeForm!.planCommand] && m.placeForm?.saving == false && m.placeForm?.plan == nil)
    }

    @Test func aPlacedChildWithNoNoticeMustBeSaidToBeAPlannedMoveOrABreakdown() {
        var m = matchModel(width: 132, height: 43)
        let v = m.match!.selected!.vacancy.id
        m.press(.char("p"))
        _ = update(&m, .placementPlanned(Self.plan(m, bed: Self.cardiff, status: .placed)))
        #expect(m.screenText.contains("No notice says how the current placement ends") && !m.screenText.contains("This will:"))
        #expect(m.press(.enter) == [])
        #expect(m.screenText.contains("Say how the current placement ends"))
        m.press(.tab)
        let start = m.placeForm!.start
        #expect(m.press(.right) == [.planPlacement(childID: "C1005", vacancyID: v, start: start, move: .planned)])
        _ = update(&m, .placementPlanned(Self.plan(m, bed: Self.cardiff, status: .placed)))
        #expect(m.screenText.contains("[planned move]") && m.screenText.contains("This will:"))
        #expect(m.press(.left) == [.planPlacement(childID: "C1005", vacancyID: v, start: start, move: .breakdown)])
        _ = update(&m, .placementPlanned(Self.plan(m, bed: Self.cardiff, status: .placed)))
        #expect(m.press(.enter) == [.place(childID: "C1005", vacancyID: v, start: start, move: .breakdown, approvals: .none,
                                           terms: PlacementTerms(weeklyCost: Self.fee(m, v)))])
    }

    static func fee(_ m: Model, _ vacancyID: String) -> Int { m.data!.vacancies.first { $0.id == vacancyID }!.weeklyFee }

    /// The place form with a bed in Cardiff (no approval needed) and its plan in.
    static func plannedForm(width: Int = 132, height: Int = 43) -> Model {
        var m = matchModel(width: width, height: height)
        m.press(.char("p"))
        _ = update(&m, .placementPlanned(Self.plan(m, bed: Self.cardiff)))
        return m
    }

    /// The terms typed and chosen on the form: a cost of £5,250, for assessment, spot-purchased.
    static func agreeTerms(_ m: inout Model) {
        m.press(.tab)                                        // the cost line
        for _ in m.placeForm!.cost { m.press(.backspace) }
        m.type("5,250")
        m.press(.tab, .right, .right)                        // purpose: not said → emergency → assessment
        m.press(.tab, .right, .right)                        // bought: not said → framework → spot
    }

    @Test func theCostPurposeAndPurchaseAgreedAreWhatIsPlaced() {
        var m = Self.plannedForm()
        let v = m.placeForm!.vacancyID
        let fee = Self.fee(m, v)
        // The form proposes the provider's fee; nothing else is said until the officer says it.
        #expect(m.placeForm?.cost == String(fee))
        #expect(m.screenText.contains("Weekly cost") && m.screenText.contains("the provider asks \(Money.pounds(fee)) a week"))
        Self.agreeTerms(&m)
        #expect(m.screenText.contains("‹ assessment ›") && m.screenText.contains("‹ spot purchase ›"))
        #expect(m.press(.enter) == [.place(childID: "C1005", vacancyID: v, start: m.placeForm!.start, move: nil, approvals: .none,
                                           terms: PlacementTerms(weeklyCost: 5_250, purpose: .assessment, purchase: .spot))])
    }

    /// The write names the versions the plan read (the store puts them on the plan), not the dashboard's.
    @Test func thePlaceCommandCarriesTheVersionsThePlanRead() {
        var m = matchModel(width: 132, height: 43)
        m.press(.char("p"))
        var plan = Self.plan(m, bed: Self.cardiff)
        plan.vacancyVersion = 7
        plan.childVersion = 3
        _ = update(&m, .placementPlanned(plan))
        let commands = m.press(.enter)
        guard case .place(_, _, _, _, _, _, let versions)? = commands.first else {
            Issue.record("no place command: \(commands)")
            return
        }
        #expect(versions == RecordVersions(vacancy: 7, child: 3))
    }

    @Test func aCostThatIsNotWholePoundsIsNamedAndNothingIsPlaced() {
        var m = Self.plannedForm()
        m.press(.tab)
        m.type("k")
        #expect(m.press(.enter) == [])
        #expect(m.screenText.contains(PlaceFormText.costUnreadable))
        // Purpose and purchase wrap round to "not said" both ways.
        m.press(.tab, .left)
        #expect(m.placeForm?.purpose == .stepDown)
        m.press(.right)
        #expect(m.placeForm?.purpose == nil)
    }

    @Test func anEmergencyChildsPlacementIsProposedAsAnEmergencyAndAFrameworkBedAsFramework() {
        var m = Fixtures.model(width: 132, height: 43, tab: .children)
        var data = m.data!
        let c = data.children.firstIndex { $0.id == "C1005" }!
        data.children[c].urgency = .emergency
        data.vacancies = data.vacancies.map { var v = $0; v.purchase = .allWalesFramework; return v }
        _ = update(&m, .dataLoaded(data))
        m.press(.char("/"))
        m.type("c1005")
        m.press(.enter)
        m.press(.char("m"))
        _ = update(&m, .matchReady(childID: "C1005", Fixtures.match(["C1005"])))
        m.press(.char("p"))
        #expect(m.placeForm?.purpose == .emergency && m.placeForm?.purchase == .framework)
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func golden(size: (Int, Int)) throws {
        var m = Self.plannedForm(width: size.0, height: size.1)
        Self.agreeTerms(&m)
        try Golden.check("place-form", m)
    }

    /// C1005 placed today by ceri.jones (PL-NEW), with the panel's approval.
    static func placedToday() -> Model {
        var m = Fixtures.model(width: 132, height: 43, tab: .children)
        var data = m.data!
        data.placements.append(Placement(id: "PL-NEW", childID: "C1005", providerID: data.providers[0].id, start: Fixtures.today,
                                         placementType: .K2, localityTier: 3, milesFromHome: 40,
                                         approvals: PlacementApprovals(panel: "Panel 16 Jun, minute 3"),
                                         placedBy: "ceri.jones", placedAt: Fixtures.now.addingTimeInterval(-600)))
        _ = update(&m, .dataLoaded(data))
        m.press(.char("/"))
        m.type("c1005")
        m.press(.enter, .enter)
        return m
    }

    @Test func theChildsPageShowsTheApprovalAndUndoAsksWhy() {
        var m = Self.placedToday()
        #expect(m.context == .childPage)
        let text = m.screenText
        #expect(text.contains("panel approval (reg 12(3)): Panel 16 Jun, minute 3"))
        #expect(text.contains("placed today by ceri.jones as PL-NEW · u undoes it"))
        m.press(.char("u"))
        #expect(m.context == .undoPrompt && m.screenText.contains("Undo PL-NEW"))
        #expect(m.press(.enter) == [])
        #expect(m.screenText.contains("say why it is undone"))
        m.type("wrong child")
        #expect(m.press(.enter) == [.undoPlacement(placementID: "PL-NEW", reason: "wrong child")])
        _ = update(&m, .commandSucceeded("PL-NEW undone"))
        #expect(m.undoPrompt == nil)
    }

    @Test func anUndonePlacementIsShownAsCorrectedAndCountsInNoTotal() {
        var m = Self.placedToday()
        var data = m.data!
        let i = data.placements.firstIndex { $0.id == "PL-NEW" }!
        let before = m.screenText
        data.placements[i].actualEnd = Fixtures.today
        data.placements[i].undone = PlacementUndo(by: "bob", at: Fixtures.now, reason: "wrong child")
        _ = update(&m, .dataLoaded(data))
        let text = m.screenText
        #expect(text.contains("UNDONE (corrected)") && text.contains("undone by bob at") && text.contains("wrong child"))
        #expect(!text.contains("u undoes it"))
        let count = { (t: String) in t.split(separator: "\n").first { $0.contains("Totals") }.map(String.init) ?? "" }
        #expect(count(before) != count(text))
        // Nothing left to undo: the status line says so.
        m.press(.char("u"))
        #expect(m.undoPrompt == nil && m.status?.contains("no placement made today to undo") == true)
    }
}
