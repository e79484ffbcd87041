import Foundation
import Testing
@testable import PlacementCore

/// No refusal in English (issue 16): every phrase a workflow rule puts in a refusal is found in Welsh by its
/// English, so a refusal the status line, a dialog or the command line shows is Welsh throughout.
@Suite struct RefusalWordingTests {
    /// Each placeholder's value in `language`: a kind of notice and a tier are words, anything else an id.
    static func values(_ phrase: WorkflowPhrase, _ language: Language) -> [String: String] {
        Dictionary(Catalogue.placeholders(phrase.english()).map { name in
            (name, name == "kind" ? NoticeKind.vacancyFilled.label(language) : name == "tier" ? LocalityTier.otherWelsh.label(language) : "X\(name.count)")
        }, uniquingKeysWith: { first, _ in first })
    }

    @Test func everyWorkflowPhraseIsSaidInWelsh() {
        for phrase in WorkflowPhrase.allCases {
            let english = phrase.english(Self.values(phrase, .en))
            #expect(!english.contains("{"), "\(phrase): a placeholder left unfilled")
            #expect(Catalogue.phrase(english, .cy) == phrase.message.text(.cy, Self.values(phrase, .cy)), "\(phrase): \(english)")
            #expect(phrase.message.text(.cy) != phrase.message.text(.en), "\(phrase) has no Welsh of its own")
        }
    }

    /// The refusals the rules raise, said whole in Welsh: their words and the words inside them.
    @Test func aRuleRefusalIsWelshThroughout() {
        let what = WorkflowPhrase.noticeOfKind.english(["kind": NoticeKind.placementEnding.label])
        #expect(WorkflowError.missing(field: WorkflowPhrase.effectiveTime.english(), for: what).description(.cy)
                == Message.coreWorkflowMissing.text(.cy, ["field": "amser dod i rym", "what": "hysbysiad terfynu lleoliad"]))
        let answered = WorkflowError.referral(WorkflowPhrase.alreadyAnswered.english(["referral": "K1", "outcome": "offered", "answer": "K2"]))
        #expect(answered.description(.cy) == "mae K1 eisoes wedi'i ateb: offered (K2); diwygiwch K2 yn lle hynny")
        let why = WorkflowPhrase.outOfCounty.english(["tier": LocalityTier.borderingEnglish.label])
        #expect(Catalogue.phrase(why, .cy) == "y tu allan i'r sir, ALl cyfagos (Lloegr) (rheoliad 12(3))")
    }
}
