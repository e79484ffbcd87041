import Foundation
import PlacementCore
import PlacementStore
import Testing
@testable import placefinder

/// The dashboard's status line says a refusal in the officer's language (issue 16): the store's and the
/// workflow's reasons, and the words inside them, come through in Welsh.
@Suite struct WelshRefusalRuntimeTests {
    @Test func aStoreRefusalOnTheStatusLineIsWelsh() {
        let english = TerminalRuntime.describe(StoreError.rejected(reason: "contacts are kept as recorded: log a correction instead"))
        let welsh = TerminalRuntime.describe(StoreError.rejected(reason: "contacts are kept as recorded: log a correction instead"), .cy)
        #expect(english.hasSuffix("contacts are kept as recorded: log a correction instead"))
        #expect(welsh.hasSuffix("cedwir galwadau fel y'u cofnodwyd: cofnodwch gywiriad yn lle hynny"), "\(welsh)")
    }

    @Test func aWorkflowRefusalOnTheStatusLineIsWelsh() {
        let refusal = WorkflowError.missing(field: WorkflowPhrase.reason.english(), for: WorkflowPhrase.declinedCall.english())
        #expect(TerminalRuntime.describe(refusal) == refusal.description)
        #expect(TerminalRuntime.describe(refusal, .cy) == "galwad a wrthodwyd: angen rheswm")
    }

    @Test func aFaultWithNoWordsOfItsOwnIsSaidInTheOfficersLanguage() {
        struct Fault: Error {}
        #expect(TerminalRuntime.describe(Fault()) == "the store could not be read or written")
        #expect(TerminalRuntime.describe(Fault(), .cy) == "methu darllen nac ysgrifennu'r storfa")
    }
}
