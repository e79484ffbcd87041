import Foundation
import PlacementCore
import PlacementStore
import TerminalUI
import Testing
@testable import placefinder

/// The language an officer switches to is remembered per officer in the store's settings, written by the
/// runtime from `update`'s `.rememberLanguage`, and read back when the dashboard next opens.
@Suite(.serialized) struct WelshLanguageRuntimeTests {
    @Test func theSwitchIsStoredForTheOfficerAndOpensTheNextSessionInWelsh() throws {
        let store = try WorkflowCLITests.demoStore()
        let runtime = try RuntimeLoopTests.runtime(store)
        let terminal = ScriptedTerminal([
            .until("the dashboard", RuntimeLoopTests.shows("Urgent children")),
            .key(.function(2)),
            .until("the Welsh dashboard", RuntimeLoopTests.shows("Plant brys")),
            .until("the setting written", { _ in runtime.idle }),
            .key(.char("q")),
        ])
        _ = runtime.run(on: terminal, authority: "W06000002", redact: false)
        #expect(terminal.timedOut == nil, "waited for \(terminal.timedOut ?? "")")
        #expect(terminal.text.contains("Mae Placefinder yn Gymraeg nawr."))

        let db = try PlacementDatabase(path: store, create: true)
        let remembered = try db.setting(StoreSettingKey.officerLanguage("test-officer"))
        #expect(remembered == "cy")
        // Another officer's choice is their own.
        #expect(try db.setting(StoreSettingKey.officerLanguage("someone-else")) == nil)
        // The next launch, with an English locale and nothing else said, opens in Welsh.
        #expect(try UIOptions.launchLanguage(flag: nil, environment: ["LANG": "en_GB.UTF-8"], remembered: remembered) == .cy)

        // Switching back is remembered too.
        let again = try RuntimeLoopTests.runtime(store)
        let back = ScriptedTerminal([
            .until("the dashboard", RuntimeLoopTests.shows("Urgent children")),
            .key(.ctrl("t")),
            .until("the Welsh dashboard", RuntimeLoopTests.shows("Plant brys")),
            .key(.ctrl("t")),
            .until("the English dashboard", RuntimeLoopTests.shows("Now showing Placefinder in English.")),
            .until("the setting written", { _ in again.idle }),
            .key(.char("q")),
        ])
        _ = again.run(on: back, authority: "W06000002", redact: false)
        #expect(back.timedOut == nil, "waited for \(back.timedOut ?? "")")
        #expect(try db.setting(StoreSettingKey.officerLanguage("test-officer")) == "en")
    }

    @Test func launchOrderIsFlagThenVariableThenRememberedThenLocale() throws {
        let welshLocale = ["LANG": "cy_GB.UTF-8"]
        #expect(try UIOptions.launchLanguage(flag: "en", environment: ["PLACEFINDER_LANG": "cy"], remembered: "cy") == .en)
        #expect(try UIOptions.launchLanguage(flag: nil, environment: ["PLACEFINDER_LANG": "en"], remembered: "cy") == .en)
        #expect(try UIOptions.launchLanguage(flag: nil, environment: welshLocale, remembered: "en") == .en)
        #expect(try UIOptions.launchLanguage(flag: nil, environment: welshLocale, remembered: nil) == .cy)
        // A remembered value that is no language is passed over, not an error: the locale decides.
        #expect(try UIOptions.launchLanguage(flag: nil, environment: welshLocale, remembered: "klingon") == .cy)
        #expect(try UIOptions.launchLanguage(flag: nil, environment: [:], remembered: nil) == .en)
        #expect(throws: UnknownLanguage(value: "fr")) {
            try UIOptions.launchLanguage(flag: nil, environment: ["PLACEFINDER_LANG": "fr"], remembered: "cy")
        }
    }
}
