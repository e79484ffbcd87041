import TerminalUI

/// The Reports tab: a placeholder until the reports arrive. Registered in `Screens.tabs`.
enum ReportsTab: TabScreen {
    static let tab = Tab.reports
    static func context(_ model: Model) -> KeyContext { .placeholder }
    static func bindings(_ context: KeyContext) -> [KeyBinding]? { nil }
    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] { [] }
    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        centred("Reports are coming with the next release", in: g.body, style: .muted, &buffer)
    }
}

extension Tab {
    public static let reports = Tab("Reports")
}
