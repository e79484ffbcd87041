import Testing
@testable import TerminalUI

@Suite struct LayoutTests {
    @Test func splitSumsToTheAreaAndHonoursConstraints() {
        let area = Rect(x: 2, y: 3, width: 80, height: 24)
        let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(area)
        #expect(rows.map(\.height) == [1, 22, 1])
        #expect(rows.map(\.y) == [3, 4, 26])
        #expect(rows.allSatisfy { $0.x == 2 && $0.width == 80 })

        let cols = area.splitColumns([.percentage(25), .min(10), .fill(2), .fill(1)])
        // 25% of 80 = 20; min 10; 50 left shared 2:1 = 33.3 / 16.7 → largest remainder → 33, 17.
        #expect(cols.map(\.width) == [20, 10, 33, 17])
        #expect(cols.map(\.x) == [2, 22, 32, 65])
    }

    @Test func sizesAlwaysSumExactlyAndNeverOverflow() {
        let sets: [[Constraint]] = [
            [.length(10), .percentage(33), .fill(1)],
            [.percentage(50), .percentage(50)],
            [.percentage(33), .percentage(33), .percentage(33)],
            [.min(5), .min(5), .length(3)],
            [.length(30), .length(30), .length(30)],
            [.fill(1), .fill(1), .fill(1)],
            [.length(4)],
        ]
        for constraints in sets {
            for total in 0...100 {
                for spacing in 0...2 {
                    let sizes = Layout.sizes(constraints, total: total, spacing: spacing)
                    let available = max(0, total - spacing * (constraints.count - 1))
                    #expect(sizes.reduce(0, +) == available, "\(constraints) \(total) \(spacing)")
                    #expect(sizes.allSatisfy { $0 >= 0 })
                }
            }
        }
    }

    @Test func overConstrainedShrinksLaterSegmentsFirst() {
        #expect(Layout.sizes([.length(30), .length(30), .length(30)], total: 50) == [30, 20, 0])
        // A min grows when nothing fills; lengths keep their size.
        #expect(Layout.sizes([.length(5), .min(5)], total: 20) == [5, 15])
        // Without fill or min the leftover goes to the last segment.
        #expect(Layout.sizes([.percentage(50), .percentage(50)], total: 81) == [40, 41])
        #expect(Layout.sizes([.fill(1), .fill(1), .fill(1)], total: 10) == [4, 3, 3])
    }

    @Test func spacingLeavesGapsInsideTheArea() {
        let cols = Rect(width: 20, height: 1).splitColumns([.fill(1), .fill(1)], spacing: 2)
        #expect(cols.map(\.x) == [0, 11])
        #expect(cols.map(\.width) == [9, 9])
        #expect(cols.last!.right == 20)
    }

    @Test func rectHelpers() {
        let r = Rect(x: 1, y: 1, width: 10, height: 4)
        #expect(r.inner(margin: 1) == Rect(x: 2, y: 2, width: 8, height: 2))
        #expect(r.inner(margin: 5).height == 0)
        #expect(r.centred(width: 4, height: 2) == Rect(x: 4, y: 2, width: 4, height: 2))
        #expect(r.centred(width: 40, height: 2).width == 10)
        #expect(r.intersection(Rect(x: 8, y: 0, width: 10, height: 2)) == Rect(x: 8, y: 1, width: 3, height: 1))
        #expect(Rect(width: -3, height: 2).isEmpty)
    }
}
