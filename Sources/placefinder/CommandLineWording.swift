import PlacementCore
import PlacementStore

extension WorkflowError {
    /// The refusal as the command line says it: naming the option that fixes it, where one does
    /// (the dashboard words the same refusals for its own keys).
    var commandLineDescription: String { commandLineDescription(.en) }

    func commandLineDescription(_ language: Language) -> String {
        switch self {
        case .childAlreadyPlaced(let id): Message.cliWorkflowChildAlreadyPlaced.text(language, ["id": id])
        case .approvalMissing(let kind, let why):
            Message.cliWorkflowApprovalMissing.text(language, ["option": PlaceCommand.option(kind), "why": Catalogue.phrase(why, language)])
        case .missing(let field, let what):
            if let option = Self.options[field] {
                Message.cliWorkflowMissing.text(language, ["what": Catalogue.phrase(what, language), "option": Catalogue.phrase(option, language)])
            } else { description(language) }
        case .holdMustEndInFuture: Message.cliWorkflowHoldMustEndInFuture.text(language)
        case .holdTooLong(let days): Message.cliWorkflowHoldTooLong.text(language, ["days": String(days)])
        default: description(language)
        }
    }

    /// What a missing field is called on the command line.
    static let options: [String: String] = [
        "a reason": "--reason", "a child": "--child", "an effective time": "--effective", "a vacancy": "--vacancy",
        "a vacancy or the new vacancy's details": "--vacancy (or --setting, --ages and --fee for a new one)",
    ]
}

extension PlacementStoring {
    /// An optional id as stored, whatever case it was typed in (see `storedID(_:of:)`).
    func storedID(_ typed: String?, of kind: NamedRecord) throws -> String? {
        try typed.map { try storedID($0, of: kind) }
    }
}
