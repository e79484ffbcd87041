// libFuzzer harness for the postcode parser (PlacementCore/Geography/Postcode.swift), compiled with
// swiftc -sanitize=fuzzer by fuzz/run-libfuzzer.sh. Traps (a crash or a broken invariant) are findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPostcode(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    guard let postcode = Postcode(text) else { return 0 }
    // Accepted values are normalised fixed points.
    precondition(Postcode(postcode.value) == postcode, "not a fixed point")
    precondition(Postcode(text.lowercased()) == postcode, "case changed the verdict")
    precondition(postcode.value.count >= 6 && postcode.value.count <= 8, "not in normal form")
    return 0
}
