import PlacementCore
import Foundation

/// Readable, fixed-width ids ("P0001", "V00001", "PL00001").
enum DemoIDs {
    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func make(_ prefix: String, _ n: Int, width: Int) -> String { prefix + pad(n, width) }

    /// Numbers records oldest first, so ids read in time order. Ties keep generation order
    /// explicitly (the standard library does not document `sort` as stable).
    static func numbered<T>(_ items: [T], prefix: String, width: Int, time: KeyPath<T, Date>,
                            setID: (inout T, String) -> Void) -> [T] {
        let order = items.indices.sorted { (items[$0][keyPath: time], $0) < (items[$1][keyPath: time], $1) }
        return order.enumerated().map { n, i in
            var item = items[i]
            setID(&item, make(prefix, n + 1, width: width))
            return item
        }
    }
}
