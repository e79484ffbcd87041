import PlacementCore

/// Opening a child's page fails closed: every way in (the Children list, the dashboard's panels) asks
/// the runtime to record the view first, and the page shows only when the runtime answers that the
/// entry was written. No audit entry, no page.
public struct PendingPage: Sendable, Equatable {
    /// Where the page opens once recorded.
    public enum Place: Sendable, Equatable {
        /// On the Children tab (Esc back to the list).
        case childrenTab
        /// Over the current screen (Esc back to it).
        case peek
    }
    /// Matches the runtime's answer to this request, not an older one.
    public var token: Int
    public var childID: String
    public var place: Place
}

enum ChildPageGate {
    static func openingText(_ childID: String, _ l: Language) -> String { Message.formGateOpening.text(l, ["child": childID]) }

    /// Asks for the view of child `childID` to be recorded; the page waits for `recorded`.
    static func request(_ childID: String, _ place: PendingPage.Place, _ model: inout Model) -> [Command] {
        model.auditTokens += 1
        let token = model.auditTokens
        model.pendingPage = PendingPage(token: token, childID: childID, place: place)
        model.status = openingText(childID, model.language)
        return [.audit(action: "view", recordType: "child", recordID: childID, token: token)]
    }

    /// The entry is in the audit trail: show the page (found by id, since a reload may have moved it).
    static func recorded(_ token: Int, _ model: inout Model) {
        guard let pending = model.pendingPage, pending.token == token else { return }
        model.pendingPage = nil
        // Either language: the officer may have switched while the view was being recorded.
        if Language.allCases.contains(where: { model.status == openingText(pending.childID, $0) }) { model.status = nil }
        guard let i = model.index?.children.childByID[pending.childID] else { return }
        switch pending.place {
        case .childrenTab:
            model.children.open = i
            model.children.pageScroll = 0
        case .peek:
            model.peek = .child(i)
            model.peekScroll = 0
        }
    }

    /// The entry could not be written: no page, and the status line says why and what to do, short enough
    /// to show whole at 80 columns ("store busy — try again").
    static func failed(_ token: Int, _ reason: String, _ model: inout Model) {
        guard let pending = model.pendingPage, pending.token == token else { return }
        model.pendingPage = nil
        model.status = Message.formGateFailed.text(model.language, ["reason": reason])
    }
}
