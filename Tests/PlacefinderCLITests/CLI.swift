import Foundation

/// Runs the real `placefinder` binary built beside the test bundle, as a user would.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = packageRoot.appendingPathComponent("fixtures/examples")

    static var binary: URL {
        // The test bundle sits in the build folder (.build/debug/PlacefinderPackageTests.xctest).
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("placefinder")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/placefinder")
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// A fixed clock so dates in the examples and the demo are reproducible.
    static let pinnedNow = "2026-11-25T09:00:00Z"

    @discardableResult
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Output {
        var env = ProcessInfo.processInfo.environment
        env["PLACEFINDER_NOW"] = pinnedNow
        env["PLACEFINDER_OFFICER"] = "test-officer"
        env["PLACEFINDER_STORE"] = nil
        for (k, v) in extra { env[k] = v }
        return try launch(binary, arguments, environment: env)
    }

    /// Runs `executable` with exactly `environment`, collecting what it prints.
    static func launch(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// One folder for this test process, removed when it exits: a run makes thousands of stores, some
    /// beside a copy of the binary, and left behind they filled a CI machine's disk. Others may pass
    /// through it (not list it), so the tests run as `nobody` can reach their own folders inside.
    static let runFolder: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("placefinder-cli-\(getpid())-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        chmod(root.path, 0o711)
        atexit { try? FileManager.default.removeItem(at: CLI.runFolder) }
        return root
    }()

    static func temporaryDirectory() throws -> URL {
        let dir = runFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Private, as a real store's folder is: a loose folder makes every command warn on stderr.
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir.path)
        return dir
    }

    /// Creates an empty store (`placefinder store init`): no other command creates one.
    static func initStore(_ store: String) throws {
        let result = try run(["store", "init", "--store", store])
        precondition(result.status == 0, "store init failed: \(result.stderr)")
    }

    /// Imports every example file into a new store (created first when missing), in dependency order.
    static func importExamples(into store: String) throws {
        if !FileManager.default.fileExists(atPath: store) { try initStore(store) }
        for kind in ["postcodes", "providers", "children", "vacancies", "placements"] {
            let result = try run(["import", kind, examples.appendingPathComponent("\(kind).csv").path, "--store", store])
            precondition(result.status == 0, "import \(kind) failed: \(result.stderr)")
        }
    }
}
