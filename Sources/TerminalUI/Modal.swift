/// A centred dialog drawn over whatever is beneath: clears its own area (so
/// the screen below never shows through), draws a bordered, titled box and
/// renders `content` inside.
public struct Modal: Widget {
    public var title: String
    public var width: Int
    public var height: Int
    public var content: (any Widget)?
    public var borderStyle: Style = .accent

    public init(title: String, width: Int, height: Int, content: (any Widget)? = nil) {
        self.title = title
        self.width = width
        self.height = height
        self.content = content
    }

    /// Where the box lands inside `area` (shrunk to fit small terminals).
    public func box(in area: Rect) -> Rect { area.centred(width: width, height: height) }

    public func render(in area: Rect, buffer: inout Buffer) {
        let box = box(in: area)
        guard !box.isEmpty else { return }
        buffer.fill(box)
        let block = Block(title: title, borderStyle: borderStyle)
        block.render(in: box, buffer: &buffer)
        content?.render(in: block.inner(box), buffer: &buffer)
    }
}
