import Foundation
import Testing
@testable import PlacementCore

/// PlacementCore's words for officers in Welsh (issue 16): explanations, refusals, referral packs and reports
/// come out in the language asked for, English stays as it was, and every coded value has its row.
@Suite struct WelshCoreTests {
    typealias W = MatchWorld

    /// Every case of every catalogue-worded type, as its key: a new case without a row fails here.
    static var wordedKeys: [String] {
        func keys<T: CatalogueWorded>(_ type: T.Type) -> [String] { T.allCases.map(\.catalogueKey) }
        return keys(Setting.self) + keys(Sector.self) + keys(InspectionRating.self) + keys(PurchaseMode.self) + keys(RiskToOthers.self)
            + keys(LivingCompanions.self) + keys(LegalStatus.self) + keys(EndReason.self) + keys(PlacementType.self)
            + keys(PlacementPurpose.self) + keys(NoticeKind.self) + keys(ApprovalKind.self) + keys(MatchFlag.self)
            + keys(Regulator.self) + keys(NeedLevel.self) + keys(WelshCapability.self) + keys(ChildStatus.self)
            + keys(VacancyStatus.self) + keys(Gender.self) + keys(Contact.Outcome.self) + keys(DeclineScope.self)
            + keys(FirstLanguage.self) + keys(Factor.self) + keys(ProfitStatus.self) + keys(Placement.Ending.self)
            + keys(MoveKind.self) + keys(PurchaseRoute.self)
            + shortKeys(Setting.self) + shortKeys(Sector.self) + shortKeys(ChildStatus.self) + shortKeys(NoticeKind.self)
    }

    static func shortKeys<T: CatalogueWorded>(_ type: T.Type) -> [String] { T.allCases.map(\.shortCatalogueKey) }

    /// One vocabulary: the short forms screens put in narrow columns fit them in both languages, so no
    /// screen needs words of its own for a coded value.
    @Test func shortFormsFitTheirColumnsInBothLanguages() {
        for language in Language.allCases {
            for s in Setting.allCases { #expect(s.shortLabel(language).count <= 9, "\(s.shortLabel(language))") }
            for s in Sector.allCases { #expect(s.shortLabel(language).count <= 8, "\(s.shortLabel(language))") }
            for s in ChildStatus.allCases { #expect(s.shortLabel(language).count <= 16, "\(s.shortLabel(language))") }
            for k in NoticeKind.allCases { #expect(k.shortLabel(language).count <= 12, "\(k.shortLabel(language))") }
            for t in LocalityTier.allCases { #expect(t.shortLabel(language).count <= 9, "\(t.shortLabel(language))") }
            for t in LocalityTier.allCases { #expect(t.label(language).count <= 27, "\(t.label(language))") }
        }
        #expect(Setting.shortBreak.shortLabel(.cy) == "ysbaid" && Setting.shortBreak.label(.cy) == "gofal ysbaid byr")
        #expect(ChildStatus.noticeReceived.shortLabel(.cy) == "hysbysiad i law" && ChildStatus.noticeReceived.label(.cy) == "hysbysiad wedi dod i law")
    }

    @Test func everyCodedValueHasItsWordsInBothLanguages() {
        for key in Self.wordedKeys { #expect(Catalogue.byKey[key] != nil, "no row \(key)") }
        for flag in MatchFlag.allCases { #expect(flag.short(.cy) != flag.rawValue, "\(flag) has no Welsh badge") }
        for mode in PurchaseMode.allCases { #expect(mode.shortLabel(.cy) != mode.rawValue) }
        for tier in LocalityTier.allCases { #expect(tier.label(.cy) != tier.label(.en) || tier == .inCounty && tier.label(.cy) == "yn y sir") }
        for definition in NeedCatalogue.standard.definitions {
            #expect(definition.name(.cy) != definition.name, "\(definition.code) has no Welsh name")
            #expect(definition.description(.cy) != definition.description, "\(definition.code) has no Welsh description")
        }
    }

    @Test func aLocalNeedCatalogueKeepsItsOwnNames() {
        let local = NeedDefinition(code: "AUT", name: "autism and sensory needs", description: "Local wording.")
        #expect(local.name(.cy) == "autism and sensory needs", "a renamed need is not given the standard need's Welsh")
        #expect(NeedCatalogue.standard.name(of: "AUT", .cy) == "awtistiaeth")
    }

    @Test func aHandMadeExclusionIsExplainedInWelsh() {
        let providers = [W.provider("NEAR", at: "CF14 4XW"), W.provider("FAR", at: "SA1 1AA", capabilities: ["MH"])]
        let engine = W.engine(providers: providers, vacancies: [W.vacancy("V-NEAR", provider: "NEAR"), W.vacancy("V-FAR", provider: "FAR")])
        let result = engine.rank(W.request([W.child(needs: [.init(code: "MH", level: .essential)])]))
        #expect(result.excluded.map { $0.reasons.descriptions(.cy) } == [["methu diwallu angen hanfodol"]])
        #expect(result.excluded.map { $0.reasons.descriptions(.en) } == [["cannot meet an essential need"]])

        let report = MatchReport(.together(result), engine: engine, top: 5, includeExcluded: true, language: .cy)
        let text = report.text(heading: "Lleoedd addas", language: .cy)
        #expect(text.contains("eithriwyd V-NEAR (NEAR): methu diwallu angen hanfodol"), "\(text)")
        #expect(text.contains("1 wedi'u rhestru, 1 wedi'u heithrio"))
        #expect(text.contains("ar y ffordd") && !text.contains("by road"), "the reasons are Welsh too")
        #expect(report.result.exclusionsByReason.map(\.reason) == ["methu diwallu angen hanfodol"])
    }

    @Test func anExplanationCarriesBothLanguagesAndEnglishIsUnchanged() throws {
        let providers = [W.provider("ENG", at: "BS1 4AA")]
        let engine = W.engine(providers: providers, vacancies: [W.vacancy("V-ENG", provider: "ENG")])
        let child = W.child(needs: [.init(code: "MH", level: .important), .init(code: "AUT", level: .desirable)])
        let explanation = try #require(engine.rank(W.request([child])).ranked.first?.explanation)
        #expect(explanation.reasons == explanation.reasons(.en), "the English property is the English rendering")
        let english = explanation.reasons(.en), welsh = explanation.reasons(.cy)
        #expect(english.count == welsh.count)
        #expect(english[0] == "meets 0 of 2 needs; misses autism (desirable), therapeutic support (important)")
        #expect(welsh[0] == "yn diwallu 0 o 2 angen; heb ddiwallu awtistiaeth (dymunol), cymorth therapiwtig (pwysig)")
        #expect(welsh[1].contains("mltr ar y ffordd") && welsh[1].hasSuffix("arall yn Lloegr"), "\(welsh[1])")
        #expect(explanation.flags.map { $0.label(.cy) }.contains("y tu allan i'r ardal: angen cymeradwyaeth y panel cyn iddo ddechrau (rheoliad 12)"))
        #expect(MatchFlag.outOfArea.label == "out of area: panel approval needed before it starts (reg 12)")
    }

    @Test func theSplitWarningFitsEightyColumnsInWelsh() {
        for count in 2...12 {
            let line = "!! " + GroupMatch.splitWarning(siblings: count, language: .cy)
            #expect(line.count <= 80, "\(line.count): \(line)")
            #expect(line.contains("GWAHANU"))
        }
        #expect(GroupMatch.splitWarning(siblings: 2) == "No single vacancy takes both siblings: every option below SEPARATES them.")
    }

    @Test func aWorkflowRefusalInWelshIsOneLineNamingTheField() {
        let refusal = WorkflowError.missing(field: "a reason", for: "a declined call")
        #expect(refusal.description(.cy) == "galwad a wrthodwyd: angen rheswm")
        #expect(refusal.description == "a declined call needs a reason")
        // The record kind inside the phrase is said in Welsh too.
        let notice = WorkflowError.missing(field: "an effective time", for: "a \(NoticeKind.placementEnding.label) notice")
        #expect(notice.description(.cy) == "hysbysiad terfynu lleoliad: angen amser dod i rym")
        let approval = WorkflowError.approvalMissing(kind: .panel, why: "out of county, \(LocalityTier.otherWelsh.label) (reg 12(3))")
        #expect(approval.description(.cy) == "angen cymeradwyaeth y panel: y tu allan i'r sir, ALl arall (Cymru) (rheoliad 12(3))")
        let unsuitable = WorkflowError.unsuitable(vacancyID: "V1", childID: "C1", reasons: ExclusionReasons([.notOpen, .tooFewBeds]).descriptions)
        #expect(unsuitable.description(.cy) == "nid yw lle gwag V1 yn addas i C1: ddim ar agor; rhy ychydig o welyau i'r grŵp")
        let issue = WorkflowError.invalidVacancy(vacancyID: "V2", issue: DomainIssue(field: "beds", problem: "must not be negative").description)
        #expect(issue.description(.cy) == "lle gwag V2: beds: rhaid iddo beidio â bod yn negyddol")
        for error in [refusal, notice, approval, unsuitable, issue, .holdTooLong(days: 7), .vacancyNotOpen(vacancyID: "V3", status: .held)] {
            #expect(!error.description(.cy).contains("\n"))
        }
        #expect(WorkflowError.vacancyNotOpen(vacancyID: "V3", status: .held).description == "vacancy V3 is held, not open")
    }

    @Test func phrasesNotCataloguedPassThrough() {
        #expect(Catalogue.phrase("C0042", .cy) == "C0042")
        #expect(Catalogue.phrase("a reason", .en) == "a reason")
        #expect(PhraseTemplate("{a} and {b}!").match("x and y!") == ["a": "x", "b": "y"])
        #expect(PhraseTemplate("{a} and {b}!").match("x and y") == nil)
        #expect(PhraseTemplate("no child with id {id}").match("no child with id ") == nil, "a value is never empty")
    }

    @Test func aBilingualReferralPutsWelshFirst() {
        let pack = ReferralChildren.pack(ReferralChildren.full(), siblings: [ReferralChildren.sibling()])
        #expect(ReferralDocument.markdown(pack) == ReferralDocument.markdown(pack, language: .en), "English unchanged by default")
        let welsh = ReferralDocument.markdown(pack, language: .cy)
        #expect(welsh.contains("## Am y plentyn\n") && !welsh.contains("About the child"))
        let both = ReferralDocument.markdown(pack, language: .bilingual)
        #expect(both.hasPrefix("# Atgyfeiriad lleoliad: C0042 (") && both.contains(" / Placement referral: C0042 ("))
        for section in ReferralSection.allCases {
            let heading = "## \(section.title(.cy)) / \(section.title(.en))\n"
            #expect(both.contains(heading), "\(heading)")
        }
        let welshLine = both.range(of: "- Awdurdod lleoli:")?.lowerBound, englishLine = both.range(of: "  _Placing authority:")?.lowerBound
        #expect(welshLine != nil && englishLine != nil && welshLine! < englishLine!, "each line's Welsh comes first, its English beneath")
        let json = ReferralDocument.json(pack, language: .bilingual)
        #expect(json.contains("\"title\": \"Am y plentyn\"") && json.contains("\"titleEnglish\": \"About the child\""))
    }

    @Test func reportPanelsAndLabelsInWelsh() {
        let table = ReportTable(title: "Nights by sector", columns: ["nights"], rows: [ReportRow(label: "private", values: [3])])
        let set = ReportSet(area: .wales, areaLabel: "Cymru", period: ReportPeriod(.today, today: Day(iso: "2026-11-30")!),
                            panels: [ReportPanel(kind: .stability, tables: [table])])
        let welsh = ReportExport.text(set, language: .cy)
        #expect(welsh.hasPrefix("Adroddiadau ar gyfer Cymru, heddiw (2026-11-30)"), "\(welsh)")
        #expect(welsh.contains("5. Sefydlogrwydd") && welsh.contains("Nosweithiau fesul sector") && welsh.contains("preifat"))
        #expect(ReportExport.text(set) == ReportExport.text(set, language: .en))
        #expect(ReportExport.text(set).contains("5. Stability"))
    }

    @Test func domainWordsInWelsh() {
        #expect(Setting.parentAndChild.label(.cy) == "rhiant a phlentyn" && Setting.parentAndChild.label == "parent and child")
        #expect(Regulator.ciw.label(.cy) == "AGC" && Regulator.ciw.label() == "CIW")
        #expect(InspectionRating.requiresSignificantImprovement.label(.cy) == "Rhaid gwella'n sylweddol")
        #expect(Urgency.neededBy(Day(iso: "2026-11-30")!).label(.cy) == "angen erbyn 30 Tachwedd 2026")
        #expect(Distance.formatMiles(12.4, approximate: true, language: .cy) == "≈12 mltr")
        #expect(Distance.formatMiles(.nan, approximate: false) == "? mi")
        #expect(DomainIssue(field: "weekly_fee", problem: "must be 1–20000 pounds a week").description(.cy)
                == "weekly_fee: rhaid iddo fod yn 1–20000 punt yr wythnos")
        #expect(MatchError.homeNotLocated(childID: "C1").description(.cy).hasPrefix("plentyn C1: methu dod o hyd i god post y cartref"))
    }
}
