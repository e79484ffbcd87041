/// The words of the domain's coded values that had none in English before the Welsh interface (their raw
/// values were shown): each is a catalogue row keyed by its raw value (`CatalogueWorded`).

extension Regulator: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.regulator" }
    /// "CIW" or "Ofsted" in English; "AGC" (Arolygiaeth Gofal Cymru) in Welsh.
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }
}

extension NeedLevel: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.need.level" }
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }
}

extension WelshCapability: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.welsh" }
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }
}

extension ChildStatus: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.child.status" }
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }
}

extension VacancyStatus: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.vacancy.status" }
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }
}

extension Gender: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.gender" }
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }
}

extension Contact.Outcome: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.call.outcome" }
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }
}

extension DeclineScope: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.decline.scope" }
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }
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
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }
}

extension Authority {
    /// The name an officer reads in `language`: the Welsh name in Welsh where there is one ("Caerdydd").
    public func name(_ language: Language) -> String { language == .cy ? welshName ?? name : name }
}
