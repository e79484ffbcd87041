import Testing
@testable import PlacementCore
@Test func placeholder() { #expect(true) }
