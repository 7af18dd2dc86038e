// Distribution functions needed by the tests in this module: the standard
// normal, Student's t (through the regularized incomplete beta function) and
// the t quantile by bisection. Written here so the statistics need nothing
// beyond the C math library.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Distributions {
    /// Standard normal distribution function Φ(z) = ½·erfc(−z/√2).
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// Upper tail of the standard normal, 1 − Φ(z), without cancellation for
    /// large z.
    public static func normalSurvival(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }

    /// The regularized incomplete beta function I_x(a, b) for a, b > 0 and
    /// 0 ≤ x ≤ 1, by the continued fraction of Abramowitz & Stegun 26.5.8
    /// evaluated with the modified Lentz method (as in Numerical Recipes,
    /// `betai`/`betacf`), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where
    /// the fraction converges slowly. nil for arguments outside the domain.
    public static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double? {
        guard a > 0, b > 0, a.isFinite, b.isFinite, x >= 0, x <= 1 else { return nil }
        if x == 0 { return 0 }
        if x == 1 { return 1 }
        // ln of x^a (1−x)^b / B(a, b)
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * betaContinuedFraction(x: 1 - x, a: b, b: a) / b
    }

    private static func betaContinuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let m2 = 2 * m
            // Even step.
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }

    /// Student's t distribution function P(T ≤ t) with `degreesOfFreedom` > 0:
    /// the two tails together are I_{ν/(ν+t²)}(ν/2, ½). nil for ν ≤ 0 or NaN.
    public static func studentTCDF(_ t: Double, degreesOfFreedom nu: Double) -> Double? {
        guard nu > 0, !t.isNaN, !nu.isNaN else { return nil }
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        guard let bothTails = regularizedIncompleteBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5) else { return nil }
        return t >= 0 ? 1 - bothTails / 2 : bothTails / 2
    }

    /// The p quantile of Student's t with `degreesOfFreedom` > 0, for
    /// 0 < p < 1: the t with P(T ≤ t) = p, found by bisection on
    /// `studentTCDF` after bracketing (the distribution function is strictly
    /// increasing). Accurate to about 1e-12 relative. For p < ½ it uses the
    /// symmetry t_p = −t_{1−p}. nil outside the domain.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom nu: Double) -> Double? {
        guard nu > 0, nu.isFinite, p > 0, p < 1 else { return nil }
        if p == 0.5 { return 0 }
        if p < 0.5 { return studentTQuantile(1 - p, degreesOfFreedom: nu).map { -$0 } }
        // Bracket: P(T ≤ 0) = ½ < p; double the upper end until it passes p.
        // Upper tails are compared (1 − p vs. the tail) to keep precision when
        // p is close to 1.
        let target = 1 - p
        func upperTail(_ t: Double) -> Double? {
            regularizedIncompleteBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5).map { $0 / 2 }
        }
        var low = 0.0
        var high = 1.0
        while true {
            guard let tail = upperTail(high) else { return nil }
            if tail <= target { break }
            low = high
            high *= 2
            if high > 1e300 { return nil }
        }
        for _ in 0..<400 {
            let mid = (low + high) / 2
            guard mid > low, mid < high else { break }
            guard let tail = upperTail(mid) else { return nil }
            if tail > target { low = mid } else { high = mid }
            if high - low <= 1e-15 * high { break }
        }
        return (low + high) / 2
    }
}
