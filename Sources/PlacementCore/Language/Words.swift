/// The words of the domain's coded values that had none in English before the Welsh interface (their raw
/// values were shown): each is a catalogue row keyed by its raw value (`CatalogueWorded`).

extension Regulator: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.regulator" }
    /// "CIW" or "Ofsted" in English; "AGC" (Arolygiaeth Gofal Cymru) in Welsh.
}

extension NeedLevel: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.need.level" }
}

extension WelshCapability: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.welsh" }
}

extension ChildStatus: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.child.status" }
}

extension VacancyStatus: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.vacancy.status" }
}

extension Gender: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.gender" }
}

extension Contact.Outcome: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.call.outcome" }
}

extension DeclineScope: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.decline.scope" }
}

extension Urgency {
    /// "emergency" or "needed by 2026-12-01"; in Welsh "argyfwng" or "angen erbyn 1 Rhagfyr 2026".
    public func label(_ language: Language = .en) -> String {
        switch self {
        case .emergency: Message.coreUrgencyEmergency.text(language)
        case .neededBy(let day):
            Message.coreUrgencyNeededBy.text(language, ["date": language == .cy ? WelshCalendar.date(day) : day.iso])
        }
    }
}

extension FirstLanguage: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.first.language" }
}

extension Authority {
    /// The name an officer reads in `language`: the Welsh name in Welsh where there is one ("Caerdydd").
    public func name(_ language: Language) -> String { language == .cy ? welshName ?? name : name }
}

// One vocabulary (issue 16): every screen, form, dialog and command words a coded value through the
// `label` here, and says it in a narrow column through `shortLabel`; neither has words of its own.

extension ChildStatus {
    /// At most 16 columns, for lists: "hysbysiad i law" where the label is "hysbysiad wedi dod i law".
    public func shortLabel(_ language: Language = .en) -> String { catalogueShortWords(language) }
}

extension Setting {
    /// At most 9 columns in either language ("resi home", "preswyl").
    public func shortLabel(_ language: Language = .en) -> String { catalogueShortWords(language) }
}

extension Sector {
    /// At most 8 columns in either language ("council", "cyngor").
    public func shortLabel(_ language: Language = .en) -> String { catalogueShortWords(language) }
}

extension NoticeKind {
    /// At most 11 columns in either language, room left for a child's initials ("vac opened", "lle newydd").
    public func shortLabel(_ language: Language = .en) -> String { catalogueShortWords(language) }
}

extension ProfitStatus: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.profit" }
}

extension Placement.Ending: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.ending" }
}

extension MoveKind: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.move" }
}

extension PurchaseRoute: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.route" }
}

extension LocalityTier {
    /// At most 9 columns in either language ("border W", "ffin Cym"); `label` from 100 columns.
    public func shortLabel(_ language: Language = .en) -> String {
        let message: Message = switch self {
        case .inCounty: .coreTierShortInCounty
        case .borderingWelsh: .coreTierShortBorderingWelsh
        case .borderingEnglish: .coreTierShortBorderingEnglish
        case .otherWelsh: .coreTierShortOtherWelsh
        case .elsewhereInEngland: .coreTierShortElsewhereInEngland
        case .outsideEnglandAndWales: .coreTierShortOutsideEnglandAndWales
        }
        return message.text(language)
    }
}

extension Region {
    public func label(_ language: Language) -> String {
        let message: Message = switch self {
        case .north: .coreRegionNorth
        case .mid: .coreRegionMid
        case .southWest: .coreRegionSouthWest
        case .southEast: .coreRegionSouthEast
        }
        return message.text(language)
    }
}
