@testable import TerminalUI

/// Renders a widget into a fresh buffer and reads it back as lines.
func lines(of widget: some Widget, width: Int, height: Int) -> [String] {
    var buffer = Buffer(area: Rect(width: width, height: height))
    widget.render(in: buffer.area, buffer: &buffer)
    return buffer.lines()
}

func pad(_ s: String, to width: Int) -> String {
    s + String(repeating: " ", count: max(0, width - displayWidth(of: s)))
}
