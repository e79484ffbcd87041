import PlacementCore

extension StoreSnapshot {
    /// This snapshot over the one it follows (`base`, read earlier and whole): the tables it did not read are
    /// `base`'s, shared, and a table read as changed rows only is `base`'s with those rows put in place and
    /// the removed ones gone, in the order a whole read gives. The result reads as a whole snapshot would.
    public func laidOver(_ base: StoreSnapshot) -> StoreSnapshot {
        var whole = self
        whole.changedRowsOnly = [:]
        whole.children = lay("children", children, over: base.children, id: \.id, before: TableOrder.child)
        whole.providers = providers ?? base.providers
        whole.vacancies = lay("vacancies", vacancies, over: base.vacancies, id: \.id, before: TableOrder.vacancy)
        whole.placements = lay("placements", placements, over: base.placements, id: \.id, before: TableOrder.placement)
        whole.notices = notices ?? base.notices
        whole.contacts = contacts ?? base.contacts
        let bedIDs = vacancies?.map(\.id)
        whole.vacancyVersions = lay("vacancies", vacancyVersions, over: base.vacancyVersions, ids: bedIDs)
        whole.bedAuthority = lay("vacancies", bedAuthority, over: base.bedAuthority, ids: bedIDs)
        whole.childVersions = lay("children", childVersions, over: base.childVersions, ids: children?.map(\.id))
        return whole
    }

    private func lay<Value>(_ table: String, _ rows: [Value]?, over base: [Value]?, id: (Value) -> String,
                            before: (Value, Value) -> Bool) -> [Value]? {
        guard let rows else { return base }
        guard let removed = changedRowsOnly[table] else { return rows }
        return TableOrder.merge(rows, into: base ?? [], dropping: removed, id: id, before: before)
    }

    /// A per-row dictionary: the changed rows' entries replace `base`'s (an entry a changed row no longer has goes).
    private func lay<Value>(_ table: String, _ entries: [String: Value]?, over base: [String: Value]?, ids: [String]?) -> [String: Value]? {
        guard let entries else { return base }
        guard let removed = changedRowsOnly[table], var merged = base else { return entries }
        for id in removed { merged[id] = nil }
        for id in ids ?? [] { merged[id] = entries[id] }
        return merged
    }
}

/// The order every reader sees each table in (`TableDecoding`), as comparisons, for putting rows in place.
enum TableOrder {
    static func vacancy(_ a: Vacancy, _ b: Vacancy) -> Bool { Bytes.before((a.providerID, a.id), (b.providerID, b.id)) }
    static func child(_ a: Child, _ b: Child) -> Bool { Bytes.before(a.id, b.id) }
    static func placement(_ a: Placement, _ b: Placement) -> Bool { placementKeyBefore(placementKey(a), placementKey(b)) }

    /// By child, then start day, then id.
    static func placementKey(_ p: Placement) -> (String, Int, String) { (p.childID, p.start.daysSinceEpoch, p.id) }
    static func placementKeyBefore(_ x: (String, Int, String), _ y: (String, Int, String)) -> Bool {
        if x.0 != y.0 { return Bytes.before(x.0, y.0) }
        if x.1 != y.1 { return x.1 < y.1 }
        return Bytes.before(x.2, y.2)
    }

    /// `base` (in order) without the rows `changed` replaces or `dropping` names, with `changed` (in order)
    /// merged in: one pass, so a few changed rows in 50,000 cost a copy, not a sort.
    static func merge<Value>(_ changed: [Value], into base: [Value], dropping removed: Set<String>, id: (Value) -> String,
                             before: (Value, Value) -> Bool) -> [Value] {
        var replaced = removed
        for row in changed { replaced.insert(id(row)) }
        var merged: [Value] = []
        merged.reserveCapacity(base.count + changed.count)
        var next = 0
        for row in base where !replaced.contains(id(row)) {
            while next < changed.count, before(changed[next], row) {
                merged.append(changed[next])
                next += 1
            }
            merged.append(row)
        }
        merged.append(contentsOf: changed[next...])
        return merged
    }
}
