import PlacementCore
import PlacementStore

extension WorkflowError {
    /// The refusal as the command line says it: naming the option that fixes it, where one does
    /// (the dashboard words the same refusals for its own keys).
    var commandLineDescription: String {
        switch self {
        case .childAlreadyPlaced(let id):
            "\(id) is placed and no notice has been received; if this is a planned move, add --planned-move (--breakdown if it broke down)"
        case .approvalMissing(let kind, let why): "needs \(PlaceCommand.option(kind)): \(why)"
        case .missing(let field, let what):
            if let option = Self.options[field] { "\(what) needs \(option)" } else { description }
        case .holdMustEndInFuture: "--until: a hold must end in the future"
        case .holdTooLong(let days): "--until: a hold can last at most \(days) days; hold again nearer the time"
        default: description
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
