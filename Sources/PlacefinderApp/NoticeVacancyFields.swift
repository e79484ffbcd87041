import Foundation
import PlacementCore

/// A vacancy's details as typed, read as the CLI reads `--setting --ages --beds --fee --available-from`.
/// For a new vacancy an empty Beds is 1 and an empty Available is today (the CLI's defaults); for a change
/// an empty field is left as it is.
struct VacancyFields {
    let form: NoticeForm
    let opening: Bool
    let setting: Setting?
    /// nil: not given; .some(nil): given but not readable.
    let ages: ClosedRange<Int>??
    let beds: Int??
    let fee: Int??
    let availableFrom: Day??

    init(_ form: NoticeForm, today: Day) {
        self.form = form
        opening = form.kind == .vacancyOpened
        setting = form.setting == 0 ? nil : Setting.allCases[form.setting - 1]
        func given(_ text: String) -> String? {
            let t = text.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        ages = given(form.ages).map { text in
            let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let low = parts[0], let high = parts[1], low <= high else { return nil }
            return low...high
        }
        let defaultBeds: Int?? = opening ? .some(1) : .none
        beds = given(form.beds).map { Int($0) } ?? defaultBeds
        fee = given(form.fee).map { Int($0.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")) }
        let from = given(form.availableFrom).map { FormTime.normalised($0).lowercased() }
        let defaultDay: Day?? = opening ? .some(today) : .none
        availableFrom = from.map { $0 == "today" ? today : $0 == "tomorrow" ? today.adding(days: 1) : Day(iso: $0) } ?? defaultDay
    }

    func errors(shown: Bool, _ l: Language) -> [NoticeForm.Field: String] {
        var errors: [NoticeForm.Field: String] = [:]
        if opening, setting == nil, shown { errors[.setting] = Message.formNoticeErrorSetting.text(l) }
        if ages == .some(nil) || (opening && ages == nil && shown) { errors[.ages] = Message.formNoticeErrorAges.text(l) }
        if beds == .some(nil) { errors[.beds] = Message.formNoticeErrorBeds.text(l) }
        if fee == .some(nil) || (opening && fee == nil && shown) { errors[.fee] = Message.formNoticeErrorFee.text(l) }
        if availableFrom == .some(nil) { errors[.availableFrom] = Message.formNoticeErrorAvailable.text(l) }
        if !opening, shown, changes?.isEmpty == true { errors[.beds] = Message.formNoticeErrorUnchanged.text(l) }
        return errors
    }

    /// For a vacancy opened: the new vacancy, once every detail reads.
    var newVacancy: VacancyDraft? {
        guard let setting, let ages = ages ?? nil, let beds = beds ?? nil, let fee = fee ?? nil, let availableFrom = availableFrom ?? nil else { return nil }
        return VacancyDraft(setting: setting, beds: beds, ageRange: ages, availableFrom: availableFrom,
                            takesEmergencies: form.emergencies, weeklyFee: fee)
    }

    /// For a vacancy changed: what changes, or nil while something given does not read.
    var changes: VacancyChanges? {
        if ages == .some(nil) || beds == .some(nil) || fee == .some(nil) || availableFrom == .some(nil) { return nil }
        return VacancyChanges(beds: beds ?? nil, weeklyFee: fee ?? nil, availableFrom: availableFrom ?? nil, ageRange: ages ?? nil)
    }
}
