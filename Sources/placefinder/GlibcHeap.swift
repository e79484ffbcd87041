#if canImport(Glibc)
/// glibc's heap controls, which the Glibc module does not export: `malloc_trim` (the runtime after a load,
/// `bench-store` before reading the resident set) and `mallopt` (the runtime's arena and pad settings).
@_silgen_name("malloc_trim") func glibcMallocTrim(_ pad: Int) -> Int32
@_silgen_name("mallopt") func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
