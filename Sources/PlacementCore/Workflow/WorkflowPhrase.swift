/// The English a workflow rule passes up inside a refusal (`WorkflowError.missing` and `.notApplicable`'s
/// field and subject, `.invalidVacancy`'s issue, `.referral`'s sentence, an approval's why), each a
/// `core.phrase.*` row: `WorkflowError.description(_:)` says it in the officer's language by its English
/// (`Catalogue.phrase`). Rules write these words only through this type, so a new one cannot compile without
/// its row, and `RefusalWordingTests` checks each is found in Welsh.
public enum WorkflowPhrase: String, CaseIterable, Sendable {
    case child, reason, effectiveTime, newVacancyID, vacancyChanges, endReason, question, filledBy
    case newVacancyDetails, offeredFeeAndStart, declineScope, declineReason, vacancy, vacancyOrNewDetails
    case vacancyDetails, atLeastOneVacancy, referral, undoingAPlacement, providersQuestion, declinedCall, correction
    case declineOfThisVacancyOnly, noticeOfKind, noticeAboutVacancy, callWithOutcome, openVacancyNeedsABed
    case outOfCounty, keyStage4SchoolMove, forProfitProvider, childIsPlaced, deadlinePast, deadlineTooFar
    case notYetAnswered, alreadyAnswered, notAReferral, responseBeforeReferral, responseInFuture, offeredFeeRange
    case offeredStartBeforeReferral, textHoldsNUL, referralIsSentNotCalled, referralStaysAReferral

    public var message: Message {
        switch self {
        case .child: .corePhraseChild
        case .reason: .corePhraseReason
        case .effectiveTime: .corePhraseEffectiveTime
        case .newVacancyID: .corePhraseNewVacancyId
        case .vacancyChanges: .corePhraseVacancyChanges
        case .endReason: .corePhraseEndReason
        case .question: .corePhraseQuestion
        case .filledBy: .corePhraseFilledBy
        case .newVacancyDetails: .corePhraseNewVacancyDetails
        case .offeredFeeAndStart: .corePhraseOfferedFeeStart
        case .declineScope: .corePhraseDeclineScope
        case .declineReason: .corePhraseDeclineReason
        case .vacancy: .corePhraseVacancy
        case .vacancyOrNewDetails: .corePhraseVacancyOrDetails
        case .vacancyDetails: .corePhraseVacancyDetails
        case .atLeastOneVacancy: .corePhraseOneVacancy
        case .referral: .corePhraseReferral
        case .undoingAPlacement: .corePhraseUndoing
        case .providersQuestion: .corePhraseProviderQuestion
        case .declinedCall: .corePhraseDeclinedCall
        case .correction: .corePhraseCorrection
        case .declineOfThisVacancyOnly: .corePhraseDeclineVacancyOnly
        case .noticeOfKind: .corePhraseNoticeOfKind
        case .noticeAboutVacancy: .corePhraseNoticeAboutVacancy
        case .callWithOutcome: .corePhraseCallWithOutcome
        case .openVacancyNeedsABed: .corePhraseOpenVacancyBed
        case .outOfCounty: .corePhraseApprovalOutOfCounty
        case .keyStage4SchoolMove: .corePhraseApprovalKeyStage4
        case .forProfitProvider: .corePhraseApprovalForProfit
        case .childIsPlaced: .corePhraseReferralChildPlaced
        case .deadlinePast: .corePhraseReferralDeadlinePast
        case .deadlineTooFar: .corePhraseReferralDeadlineFar
        case .notYetAnswered: .corePhraseReferralUnanswered
        case .alreadyAnswered: .corePhraseReferralAnswered
        case .notAReferral: .corePhraseReferralNotReferral
        case .responseBeforeReferral: .corePhraseReferralResponseBefore
        case .responseInFuture: .corePhraseReferralResponseFuture
        case .offeredFeeRange: .corePhraseReferralFeeRange
        case .offeredStartBeforeReferral: .corePhraseReferralStartBefore
        case .textHoldsNUL: .corePhraseReferralNul
        case .referralIsSentNotCalled: .corePhraseReferralSendNotCall
        case .referralStaysAReferral: .corePhraseReferralStays
        }
    }

    /// The phrase in English, as the refusal carries it (`values` fill its placeholders: ids, a kind's or a tier's words).
    public func english(_ values: [String: String] = [:]) -> String { message.text(.en, values) }
}
