// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Placefinder",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "placefinder", targets: ["placefinder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // SHA-256 for the audit trail's hash chain (Foundation has no hash on Linux).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // The regional store's PostgreSQL client (issue 12): the wire protocol, SCRAM, Unix sockets, no ORM.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // Pure domain, Welsh geography and matching: no I/O, no database, no terminal.
        .target(name: "PlacementCore"),
        // The seeded fictional Welsh world for the demo store and the benchmarks (pure, like the core).
        .target(name: "PlacementDemo", dependencies: ["PlacementCore"]),
        // Persistence: the one place that knows SQL. SQLite through GRDB; PostgreSQL (Postgres/) through
        // PostgresNIO, in the same target so both backends share the row codecs, audit chain and workflow code.
        .target(
            name: "PlacementStore",
            dependencies: [
                "PlacementCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own C API for the one hook GRDB does not offer (WALCheckpointer).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // Pure terminal rendering (widgets into a cell buffer); ncurses lives elsewhere.
        .target(name: "TerminalUI"),
        // ncurses (wide-character) for the real terminal; only NcursesTerminal imports it.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Draws TerminalUI buffers with ncurses, reads keys, restores the terminal.
        .target(name: "NcursesTerminal", dependencies: ["CNcursesw", "TerminalUI"]),
        // The terminal application as pure Elm-style Model / Msg / update / view.
        .target(name: "PlacefinderApp", dependencies: ["PlacementCore", "TerminalUI"]),
        // The release benchmarks behind `placefinder bench`: engine and dashboard on generated data; the store
        // for the regional (PostgreSQL) benchmarks.
        .target(name: "PlacefinderBench", dependencies: ["PlacementCore", "PlacementDemo", "PlacefinderApp", "TerminalUI", "PlacementStore"]),
        .executableTarget(
            name: "placefinder",
            dependencies: [
                "PlacementCore",
                "PlacementDemo",
                "PlacefinderBench",
                "PlacementStore",
                "PlacefinderApp",
                "NcursesTerminal",
                "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlacementCoreTests",
            dependencies: [
                "PlacementCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "PlacementStoreTests",
            // GRDB directly: tests tamper with the file (fake newer migration, audit UPDATE) as a foreign writer would.
            dependencies: [
                "PlacementCore", "PlacementStore", .product(name: "GRDB", package: "GRDB.swift"),
                // Property-based fuzzing of the importers (FuzzTests.swift; corpus in fuzz/corpus/).
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "PlacementDemoTests", dependencies: ["PlacementCore", "PlacementDemo", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        // Runs the built binary as a user would; depending on it makes SwiftPM build it first.
        // Reads the store afterwards to check what the binary wrote (notices and calls have no export).
        // CSV: the report CSV is read back with the same reader a spreadsheet import would use.
        .testTarget(name: "PlacefinderCLITests", dependencies: ["placefinder", "PlacementStore", .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(
            name: "NcursesTerminalTests",
            dependencies: ["NcursesTerminal", "TerminalUI", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "PlacefinderAppTests",
            dependencies: ["PlacefinderApp", "PlacementCore", "TerminalUI"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
