import Foundation
import PlacefinderApp
import PlacementCore
import PlacementDemo
import TerminalUI

/// Key press → `update` → `view` (a full Buffer), as the runtime does for every key.
public enum DashboardBenchmark {
    /// Keys to time one by one (each followed by `view`): moves, pages, an incremental
    /// search typed and widened, a filter step and a sort step.
    public static let keys: [Key] = [
        .down, .down, .pageDown, .pageDown, .end, .home,
        .char("/"), .char("c"), .char("a"), .char("r"), .backspace, .backspace, .backspace, .escape,
        .char("f"), .char(" "), .escape, .char("s"),
    ]

    /// One line of figures for `vacancies` generated vacancies at 132×43.
    public static func run(vacancies size: Int, runs: Int, seed: UInt64, today: Day, now: Date) -> String {
        let data = DemoGenerator.generate(DemoOptions(seed: seed, providers: max(200, size / 25), vacancies: size,
                                                      children: 2_000, today: today, now: now))
        let authority = AppData.bedAuthorities(vacancies: data.vacancies, providers: data.providers, locate: data.locator)
        let appData = AppData(children: data.children, providers: data.providers, vacancies: data.vacancies,
                              placements: data.placements, notices: data.notices, vacancyAuthority: authority, loadedAt: now)
        var clock = ContinuousClock.now
        var model = loadedModel(data: appData, now: now)
        let loadMs = (ContinuousClock.now - clock).milliseconds
        var times: [Double] = []
        var previous = view(model)
        var changed: [Int] = []
        for round in 0..<(runs / keys.count + 2) {
            for key in keys {
                clock = ContinuousClock.now
                _ = update(&model, .event(.key(key)))
                let frame = view(model)
                let elapsed = (ContinuousClock.now - clock).milliseconds
                if round > 0 { times.append(elapsed) } // the first round warms up
                if key == .down { changed.append(frame.diff(from: previous).count) }
                previous = frame
            }
        }
        times.sort()
        changed.sort()
        return String(format: "dashboard, %d vacancies at 132×43: key → buffer median %.3f ms, p90 %.3f ms, max %.3f ms over %d keys (data indexed in %.0f ms); cells changed per ↓ move: median %d of %d",
                      size, times[times.count / 2], times[times.count * 9 / 10], times[times.count - 1], times.count, loadMs,
                      changed[changed.count / 2], 132 * 43)
    }

    /// A model with `data` loaded, on the vacancies tab, indexes built.
    static func loadedModel(data: AppData, width: Int = 132, height: Int = 43, now: Date) -> Model {
        var (m, _) = Model.initial(size: (width, height), officer: "bench", authority: "W06000015", now: now, redact: false)
        _ = update(&m, .dataLoaded(data))
        m.tab = .vacancies
        return m
    }
}
