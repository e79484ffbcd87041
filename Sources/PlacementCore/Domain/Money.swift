/// Sums of money as officers read them, in the dashboard, the match report and its reasons.
public enum Money {
    /// "£4,250", "-£120".
    public static func pounds(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-£" : "£") + out
    }
}
