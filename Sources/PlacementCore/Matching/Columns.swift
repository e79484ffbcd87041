/// Fixed-width plain-text columns, for the command line's tables (the match report, the summary).
public enum Columns {
    /// `s` on one line (controls made visible), clipped to `width` and filled with spaces to it;
    /// `right` aligns it to the right.
    public static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let cut = clip(VisibleText.line(s), width)
        let fill = String(repeating: " ", count: max(0, width - cut.count))
        return right ? fill + cut : cut + fill
    }

    /// `s`, or its first `width - 1` characters and "…" when longer.
    public static func clip(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(max(0, width - 1))) + "…"
    }
}
