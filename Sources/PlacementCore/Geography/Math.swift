// libm without Foundation: PlacementCore stays free of Foundation.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers so the rest of Geography does not repeat the platform imports.
enum GeoMath {
    static func sin(_ x: Double) -> Double { libm_sin(x) }
    static func cos(_ x: Double) -> Double { libm_cos(x) }
    static func asin(_ x: Double) -> Double { libm_asin(x) }
    static func tan(_ x: Double) -> Double { libm_tan(x) }
    static func atan2(_ y: Double, _ x: Double) -> Double { libm_atan2(y, x) }
    static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
    static func degrees(_ radians: Double) -> Double { radians * 180 / .pi }
}

// Module-level shims avoid name clashes with the static members above.
@inline(__always) private func libm_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func libm_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func libm_asin(_ x: Double) -> Double { asin(x) }
@inline(__always) private func libm_tan(_ x: Double) -> Double { tan(x) }
@inline(__always) private func libm_atan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
