// Distribution functions against closed forms.
import Foundation
import Testing

@testable import KursusReports

@Suite("Distributions")
struct DistributionTests {
    @Test("t quantile with 1 degree of freedom is tan(π(p − ½)) (Cauchy)", arguments: [0.6, 0.9, 0.975, 0.995, 0.9999, 0.025])
    func cauchy(p: Double) throws {
        let t = try #require(Distributions.studentTQuantile(p, degreesOfFreedom: 1))
        let exact = tan(Double.pi * (p - 0.5))
        #expect(abs(t - exact) <= 1e-9 * max(1, abs(exact)))
    }

    @Test("t quantile with 2 degrees of freedom is (2p − 1)/√(2p(1 − p))", arguments: [0.6, 0.975, 0.995, 0.01])
    func twoDegrees(p: Double) throws {
        let t = try #require(Distributions.studentTQuantile(p, degreesOfFreedom: 2))
        let exact = (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
        #expect(abs(t - exact) <= 1e-9 * max(1, abs(exact)))
    }

    @Test("t quantile approaches the normal one for large df; the CDF inverts it")
    func largeDegrees() throws {
        let t = try #require(Distributions.studentTQuantile(0.975, degreesOfFreedom: 1e7))
        #expect(abs(t - 1.959963984540054) < 1e-6)
        let back = try #require(Distributions.studentTCDF(t, degreesOfFreedom: 1e7))
        #expect(abs(back - 0.975) < 1e-12)
    }

    @Test("outside the domain there is no quantile")
    func domain() {
        #expect(Distributions.studentTQuantile(0, degreesOfFreedom: 3) == nil)
        #expect(Distributions.studentTQuantile(1, degreesOfFreedom: 3) == nil)
        #expect(Distributions.studentTQuantile(0.9, degreesOfFreedom: 0) == nil)
        #expect(Distributions.studentTQuantile(0.5, degreesOfFreedom: 3) == 0)
    }

    @Test("incomplete beta: I_x(1, 1) = x and I_x(a, 1) = xᵃ")
    func incompleteBeta() throws {
        #expect(try abs(#require(Distributions.regularizedIncompleteBeta(x: 0.3, a: 1, b: 1)) - 0.3) < 1e-14)
        #expect(try abs(#require(Distributions.regularizedIncompleteBeta(x: 0.7, a: 3, b: 1)) - 0.343) < 1e-14)
        #expect(Distributions.regularizedIncompleteBeta(x: 1.5, a: 1, b: 1) == nil)
    }

    @Test("normal distribution function")
    func normal() {
        #expect(Distributions.normalCDF(0) == 0.5)
        #expect(abs(Distributions.normalSurvival(1.959963984540054) - 0.025) < 1e-15)
    }
}
