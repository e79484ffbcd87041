import Foundation
import TerminalUI

/// Hooks for the release benchmark: a loaded model and the keystrokes to time.
public enum Benchmark {
    /// A model with `data` loaded, on the vacancies tab, indexes built.
    public static func model(data: AppData, width: Int = 132, height: Int = 43, officer: String = "bench",
                             authority: String = "W06000015", now: Date) -> Model {
        var (m, _) = Model.initial(size: (width, height), officer: officer, authority: authority, now: now, redact: false)
        _ = update(&m, .dataLoaded(data))
        m.tab = .vacancies
        return m
    }

    /// Keys to time one by one (each followed by `view`): moves, pages, an incremental
    /// search typed and widened, a filter step and a sort step.
    public static let keys: [Key] = [
        .down, .down, .pageDown, .pageDown, .end, .home,
        .char("/"), .char("c"), .char("a"), .char("r"), .backspace, .backspace, .backspace, .escape,
        .char("f"), .char(" "), .escape, .char("s"),
    ]
}
