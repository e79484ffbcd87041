import Testing
@testable import PlacementStore
@Test func placeholder() { #expect(true) }
