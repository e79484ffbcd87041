import GRDB

/// GRDB rows built from another engine's cells, so PostgreSQL results go through the very decoders SQLite's do
/// (`ChildRow.Decoder`, `PlacementRow.decode`…: masks, verbatim lists, unreadable values all handled once).
/// GRDB builds an ordered `Row` only from a dictionary literal, so this spells one out with 48 slots;
/// unused slots trail the real columns, which the decoders, reading by index, never reach.
enum OrderedRow {
    static let capacity = 48

    static func make(_ columns: [(String, DatabaseValue)]) -> Row {
        precondition(columns.count <= capacity, "a row of \(columns.count) columns; OrderedRow holds \(capacity)")
        func p(_ i: Int) -> (String, (any DatabaseValueConvertible)?) {
            i < columns.count ? (columns[i].0, columns[i].1) : ("", DatabaseValue.null)
        }
        return Row(dictionaryLiteral:
            p(0),
            p(1),
            p(2),
            p(3),
            p(4),
            p(5),
            p(6),
            p(7),
            p(8),
            p(9),
            p(10),
            p(11),
            p(12),
            p(13),
            p(14),
            p(15),
            p(16),
            p(17),
            p(18),
            p(19),
            p(20),
            p(21),
            p(22),
            p(23),
            p(24),
            p(25),
            p(26),
            p(27),
            p(28),
            p(29),
            p(30),
            p(31),
            p(32),
            p(33),
            p(34),
            p(35),
            p(36),
            p(37),
            p(38),
            p(39),
            p(40),
            p(41),
            p(42),
            p(43),
            p(44),
            p(45),
            p(46),
            p(47)
        )
    }
}
