import Testing
@testable import PlacementStore

@Suite struct PathTests {
    @Test func explicitStoreWins() {
        let env = ["PLACEFINDER_STORE": "/srv/pf/store.sqlite", "XDG_DATA_HOME": "/x", "HOME": "/home/o"]
        #expect(PlacementDatabase.defaultPath(environment: env) == "/srv/pf/store.sqlite")
        #expect(PlacementDatabase.defaultDemoPath(environment: env) == "/x/placefinder/placefinder-demo.sqlite")
    }

    @Test func xdgDataHomeNext() {
        let env = ["XDG_DATA_HOME": "/data/o/", "HOME": "/home/o"]
        #expect(PlacementDatabase.defaultPath(environment: env) == "/data/o/placefinder/placefinder.sqlite")
        #expect(PlacementDatabase.defaultDemoPath(environment: env) == "/data/o/placefinder/placefinder-demo.sqlite")
    }

    @Test func homeLast() {
        for env in [["HOME": "/home/o"], ["HOME": "/home/o", "XDG_DATA_HOME": "", "PLACEFINDER_STORE": ""],
                    ["HOME": "/home/o", "XDG_DATA_HOME": "relative/not/allowed"]] {
            #expect(PlacementDatabase.defaultPath(environment: env) == "/home/o/.local/share/placefinder/placefinder.sqlite")
            #expect(PlacementDatabase.defaultDemoPath(environment: env) == "/home/o/.local/share/placefinder/placefinder-demo.sqlite")
        }
    }
}
