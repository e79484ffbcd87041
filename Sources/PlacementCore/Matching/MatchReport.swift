import Foundation

/// The documented JSON shape of a match (docs/matching.md, "JSON output"), built from a result.
public struct MatchReport: Sendable, Codable {
    public struct Factor: Sendable, Codable {
        public let factor: String
        public let score: Double
        public let weight: Double
        public let points: Double
    }

    public struct Candidate: Sendable, Codable {
        public let rank: Int
        public let vacancyId: String
        public let providerId: String
        public let provider: String
        public let setting: String
        public let authority: String
        public let authorityName: String?
        public let score: Double
        public let roadMilesEstimate: Double
        public let straightMiles: Double
        public let approximateLocation: Bool
        public let localityTier: Int
        public let locality: String
        public let sector: String
        public let profitStatus: String
        public let availableFrom: String
        public let weeklyFee: Int
        public let factors: [Factor]
        public let reasons: [String]
        public let flags: [String]
    }

    public struct Excluded: Sendable, Codable {
        public let vacancyId: String
        public let providerId: String
        public let reasons: [String]
    }

    public struct ExclusionCount: Sendable, Codable {
        public let reason: String
        public let vacancies: Int
    }

    /// One way to place a sibling group in two homes (s.81): who is together, who is apart from whom.
    public struct Arrangement: Sendable, Codable {
        public struct Part: Sendable, Codable {
            public let children: [String]
            public let candidate: Candidate
        }
        public let rank: Int
        public let score: Double
        /// Pairs of siblings sharing a home: arrangements are ranked by this first, then by score.
        public let pairsTogether: Int
        public let label: String
        public let parts: [Part]
    }

    public struct Section: Sendable, Codable {
        public let children: [String]
        public let rankedCount: Int
        public let excludedCount: Int
        /// Why vacancies were excluded, most common first: what to relax or ring about when few are left.
        public let exclusionsByReason: [ExclusionCount]
        public let ranked: [Candidate]
        public let excluded: [Excluded]?
    }

    public let policy: String
    public let children: [String]
    /// False when no single vacancy can take a sibling group together; `split` then ranks each child.
    public let together: Bool
    public let message: String?
    public let result: Section
    public let split: [Section]?
    /// When the group is split: the ways to place them in two homes keeping the most together, best first.
    public let arrangements: [Arrangement]?

    /// Reasons, locality and warnings in `language`; field names and coded values (setting, sector, flags)
    /// stay the documented machine names.
    public init(_ match: GroupMatch, engine: MatchEngine, top: Int, includeExcluded: Bool, language: Language = .en) {
        switch match {
        case .together(let r):
            policy = r.policyName
            children = r.childIDs
            together = true
            message = nil
            result = Self.section(r, engine: engine, top: top, includeExcluded: includeExcluded, language: language)
            split = nil
            arrangements = nil
        case .split(let t, let arranged, let perChild):
            policy = t.policyName
            children = t.childIDs
            together = false
            message = GroupMatch.splitWarning(siblings: t.childIDs.count, language: language)
            result = Self.section(t, engine: engine, top: top, includeExcluded: includeExcluded, language: language)
            split = perChild.map { Self.section($0, engine: engine, top: top, includeExcluded: includeExcluded, language: language) }
            arrangements = arranged.prefix(top).enumerated().map { n, a in
                Arrangement(rank: n + 1, score: Self.rounded(a.score, 2), pairsTogether: a.pairsTogether,
                            label: a.label(language: language) { engine.index.vacancies[$0].id },
                            parts: a.parts.map {
                                Arrangement.Part(children: $0.childIDs, candidate: Self.candidate($0.candidate, rank: 1, engine: engine, language: language))
                            })
            }
        }
    }

    static func section(_ r: MatchResult, engine: MatchEngine, top: Int, includeExcluded: Bool, language: Language) -> Section {
        let index = engine.index
        let ranked = r.ranked.prefix(min(top, r.explained)).enumerated().map { n, c in candidate(c, rank: n + 1, engine: engine, language: language) }
        let excluded = includeExcluded ? r.excluded.map {
            Excluded(vacancyId: index.vacancies[$0.index].id, providerId: index.vacancies[$0.index].providerID, reasons: $0.reasons.descriptions(language))
        } : nil
        let byReason = ExclusionReasons.ordered.map { reason, words in
            ExclusionCount(reason: words.text(language), vacancies: r.excluded.count { $0.reasons.contains(reason) })
        }.filter { $0.vacancies > 0 }.sorted { $0.vacancies > $1.vacancies }
        return Section(children: r.childIDs, rankedCount: r.ranked.count, excludedCount: r.excluded.count,
                       exclusionsByReason: byReason, ranked: Array(ranked), excluded: excluded)
    }

    static func candidate(_ c: RankedCandidate, rank: Int, engine: MatchEngine, language: Language) -> Candidate {
        let index = engine.index
        let v = index.vacancies[c.index]
        let p = index.provider(of: c.index)
        let location = index.locations[c.index]
        let e = c.explanation
        return Candidate(
            rank: rank, vacancyId: v.id, providerId: p.id, provider: p.name, setting: v.setting.rawValue,
            authority: location.authorityCode, authorityName: engine.geography.authority(code: location.authorityCode)?.name,
            score: rounded(c.score, 2), roadMilesEstimate: rounded(c.roadMiles, 1), straightMiles: rounded(c.straightMiles, 1),
            approximateLocation: location.isApproximate, localityTier: c.tier.rawValue, locality: c.tier.label(language),
            sector: p.sector.rawValue, profitStatus: p.profitStatus.rawValue, availableFrom: v.availableFrom.iso,
            weeklyFee: v.weeklyFee,
            factors: (e?.contributions ?? []).map { Factor(factor: $0.factor.rawValue, score: rounded($0.score, 4), weight: $0.weight, points: rounded($0.points, 2)) },
            reasons: e?.reasons(language) ?? [], flags: (e?.flags ?? []).map(\.rawValue))
    }

    static func rounded(_ x: Double, _ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (x * scale).rounded() / scale
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// A table readable at 80 columns: one line per candidate, then its reasons and flags indented; headings
    /// and flags in `language` (the report's reasons are already in the language it was built in).
    public func text(width: Int = 80, heading: String, language: Language = .en) -> String {
        var lines = [heading, Message.coreMatchPolicy.text(language, ["policy": MatchPolicy.said(name: policy, language)])]
        if let message { lines += Self.wrap(message, width: width, first: "!! ", rest: "   ") }
        lines += Self.table(result, width: width, language: language)
        if let arrangements, !arrangements.isEmpty {
            lines.append("")
            lines.append(Message.coreMatchArrangementsHeading.text(language))
            // Ids whole, as in the table: they are what `hold` and `place` take.
            let idWidth = max(7, arrangements.flatMap(\.parts).map { VisibleText.line($0.candidate.vacancyId).count }.max() ?? 0)
            let miles = " " + Message.coreMatchMilesUnit.text(language) + "  "
            for a in arrangements {
                lines += Self.wrap(a.label, width: width, first: Columns.pad(String(a.rank), 3, right: true) + " "
                                   + Columns.pad(String(format: "%.1f", a.score), 5, right: true) + "  ", rest: "           ")
                for part in a.parts {
                    let c = part.candidate
                    let distance = (c.approximateLocation ? "≈" : "") + String(Int(c.roadMilesEstimate.rounded()))
                    lines.append("           " + Columns.pad(c.vacancyId, idWidth) + " " + Columns.pad(c.provider, max(12, width - 54 - idWidth)) + " "
                                 + Columns.pad(Self.setting(c.setting, language), 11) + " " + Columns.pad(distance, 5, right: true) + miles
                                 + Columns.pad(c.locality, 20))
                }
            }
        } else if split != nil {
            lines.append("")
            lines.append(Message.coreMatchNoTwoHomes.text(language))
        }
        for part in split ?? [] {
            lines.append("")
            lines.append(Message.coreMatchSeparately.text(language, ["children": part.children.joined(separator: ", ")]))
            lines += Self.table(part, width: width, language: language)
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// The setting column: the machine name in English (as documented), a short Welsh word in Welsh.
    static func setting(_ raw: String, _ language: Language) -> String {
        guard language == .cy, let setting = Setting(rawValue: raw) else { return raw }
        return setting.shortLabel(language)
    }

    static func table(_ s: Section, width: Int, language: Language = .en) -> [String] {
        var lines: [String] = []
        lines.append(Message.coreMatchCounts.text(language, ["ranked": String(s.rankedCount), "excluded": String(s.excludedCount)]))
        guard !s.ranked.isEmpty else {
            let common = s.exclusionsByReason.prefix(3).map { "\($0.reason) (\($0.vacancies))" }.joined(separator: "; ")
            return lines + [Message.coreMatchNoneMeet.text(language)]
                + (common.isEmpty ? [] : wrap(Message.coreMatchMostOften.text(language, ["reasons": common]), width: width, first: "", rest: "  "))
        }
        // The vacancy id is what `hold` and `place` take next: shown whole, as wide as the longest.
        let idWidth = max(7, s.ranked.map { VisibleText.line($0.vacancyId).count }.max() ?? 0)
        let providerWidth = max(12, width - 55 - idWidth)
        let head = { (m: Message) in m.text(language) }
        lines.append(Columns.pad(" #", 3) + " " + Columns.pad(head(.coreMatchColumnScore), 5, right: true) + "  "
                     + Columns.pad(head(.coreMatchColumnVacancy), idWidth) + " "
                     + Columns.pad(head(.coreMatchColumnProvider), providerWidth) + " "
                     + Columns.pad(head(.coreMatchColumnSetting), 11) + " " + Columns.pad(head(.coreMatchColumnRoadMiles), 7, right: true) + "  "
                     + Columns.pad(head(.coreMatchColumnLocality), 20))
        for c in s.ranked {
            let miles = (c.approximateLocation ? "≈" : "") + String(Int(c.roadMilesEstimate.rounded()))
            lines.append(Columns.pad(String(c.rank), 3, right: true) + " " + Columns.pad(String(format: "%.1f", c.score), 5, right: true) + "  "
                         + Columns.pad(c.vacancyId, idWidth) + " "
                         + Columns.pad(c.provider, providerWidth) + " " + Columns.pad(setting(c.setting, language), 11) + " "
                         + Columns.pad(miles, 7, right: true) + "  " + Columns.pad(c.locality, 20))
            for reason in c.reasons { lines += wrap(reason, width: width, first: "      ", rest: "        ") }
            for label in c.flags.compactMap({ MatchFlag(rawValue: $0)?.label(language) }) {
                lines += wrap(label, width: width, first: "      ! ", rest: "        ")
            }
        }
        for e in s.excluded ?? [] {
            lines += wrap(Message.coreMatchExcludedLine.text(language, ["vacancy": e.vacancyId, "provider": e.providerId,
                                                                         "reasons": e.reasons.joined(separator: "; ")]),
                          width: width, first: "  ", rest: "    ")
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    /// Word-wraps `text` to `width` columns with the given indents (reasons are never cut off).
    static func wrap(_ text: String, width: Int, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        for word in VisibleText.line(text).split(separator: " ") {
            let indent = lines.isEmpty ? first : rest
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
            }
            line += (line.count > (lines.isEmpty ? first : rest).count ? " " : "") + word
        }
        lines.append(line)
        return lines.map { Columns.clip($0, width) }
    }
}
