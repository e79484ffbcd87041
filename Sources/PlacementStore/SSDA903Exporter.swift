import Foundation
import PlacementCore

extension PlacementStoring {
    /// The SSDA903 Header and Episodes files for a collection year, from one read (a snapshot, on either backend);
    /// recorded in the audit trail. `authority` limits the return to one placing authority's children (a return
    /// is one authority's).
    public func exportSSDA903(year: CollectionYear, authority: String?, user: String) throws -> SSDA903Files {
        let snapshot = try snapshot()
        let files = SSDA903.files(year: year, children: snapshot.children ?? [], placements: snapshot.placements ?? [],
                                  providers: snapshot.providers ?? [], authority: authority)
        try audit(action: "export", recordType: "ssda903", recordID: nil,
                  detail: "\(files.children) children, \(files.episodeCount) episodes for \(year.startYear)-\(year.startYear % 100 + 1)",
                  user: user)
        return files
    }
}
