/// Something that draws itself into a region of a buffer. Widgets are values
/// built fresh each frame; they own no terminal state.
public protocol Widget {
    func render(in area: Rect, buffer: inout Buffer)
}

/// A widget whose scroll/selection state outlives the frame. The caller keeps
/// the state and passes it in; rendering may adjust it (e.g. scroll offset).
public protocol StatefulWidget {
    associatedtype State
    func render(in area: Rect, buffer: inout Buffer, state: inout State)
}

/// Horizontal placement of text within its column or area.
public enum Alignment: Equatable, Hashable, Sendable {
    case left, centre, right

    /// Column offset for text `textWidth` wide inside `width`.
    func offset(textWidth: Int, in width: Int) -> Int {
        switch self {
        case .left: 0
        case .right: max(0, width - textWidth)
        case .centre: max(0, (width - textWidth) / 2)
        }
    }
}
