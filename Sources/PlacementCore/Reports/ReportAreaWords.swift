extension ReportArea {
    /// The area as an officer reads it in `language`: an authority by its Welsh name in Welsh, a board or Wales
    /// in the language's words (the Reports tab's heading and the command line's refusals say it alike).
    public func said(_ language: Language, _ geography: Geography = .wales) -> String {
        guard language == .cy else { return label(geography) }
        return switch self {
        case .authority(let code): geography.authority(code: code).map { $0.welshName ?? $0.name } ?? code
        case .board(let board): Message.screensReportsBoard.text(language, ["board": board.label])
        case .wales: Message.screensReportsWales.text(language)
        }
    }
}
