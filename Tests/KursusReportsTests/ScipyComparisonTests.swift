// The same data through scipy: Wilcoxon signed-rank (exact, permutation,
// asymptotic), the t quantile and the paired t interval. These tests need
// python3 with scipy; without it they are reported as skipped (the
// `.enabled(if:)` trait below), never passed.
import Foundation
import Testing

@testable import KursusReports

enum Scipy {
    /// Whether `python3 -c "import scipy"` succeeds.
    static let available: Bool = (try? run("import scipy")) != nil

    /// Runs a Python script and returns its standard output; throws when it
    /// fails.
    static func run(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ScipyError.failed(process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `script` and decodes the JSON it prints as an array of numbers.
    static func numbers(_ script: String) throws -> [Double] {
        let text = try run(script)
        return try JSONDecoder().decode([Double].self, from: Data(text.utf8))
    }

    enum ScipyError: Error { case failed(Int32) }
}

private func literal(_ values: [Double]) -> String {
    "[" + values.map { "\($0)" }.joined(separator: ", ") + "]"
}

private func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite("scipy comparison", .enabled(if: Scipy.available, "python3 with scipy is not importable; comparison skipped"))
struct ScipyComparisonTests {
    // Before/after scores of a made-up cohort.
    static let noTiesBefore: [Double] = [52, 61, 47, 70, 58, 66, 49, 73, 55, 60, 64, 44]
    static let noTiesAfter: [Double] = [60, 59.5, 58, 78.5, 61, 78, 64, 67, 58.25, 69.75, 74.5, 48]
    static let tiedBefore: [Double] = [3, 2, 4, 3, 1, 2, 5, 3, 2, 4, 3, 2]
    static let tiedAfter: [Double] = [4, 4, 4, 5, 2, 3, 4, 5, 3, 5, 3, 4]

    static func observations(_ before: [Double], _ after: [Double]) -> [(before: Double?, after: Double?)] {
        zip(before, after).map { ($0, $1) }
    }

    @Test("no ties: exact p-value and statistic equal scipy's method='exact'")
    func exactNoTies() throws {
        let ours = try #require(
            WilcoxonSignedRank.test(Self.observations(Self.noTiesBefore, Self.noTiesAfter), method: .exact))
        #expect(!ours.hasTies)
        let theirs = try Scipy.numbers(
            """
            import json, scipy.stats as s
            r = s.wilcoxon(\(literal(Self.noTiesAfter)), \(literal(Self.noTiesBefore)), zero_method='wilcox', method='exact')
            print(json.dumps([float(r.statistic), float(r.pvalue)]))
            """)
        #expect(theirs.count == 2)
        #expect(ours.statistic == theirs.first)
        #expect(relativelyClose(ours.pValue, theirs.last ?? .nan, 1e-12))
    }

    @Test("ties and zeros: exact conditional p-value equals scipy's permutation test (all 2¹² sign patterns)")
    func exactWithTies() throws {
        let ours = try #require(
            WilcoxonSignedRank.test(Self.observations(Self.tiedBefore, Self.tiedAfter), method: .exact))
        #expect(ours.hasTies)
        #expect(ours.zeroDifferences == 2)
        let theirs = try Scipy.numbers(
            """
            import json, scipy.stats as s
            r = s.wilcoxon(\(literal(Self.tiedAfter)), \(literal(Self.tiedBefore)), zero_method='wilcox',
                           method=s.PermutationMethod(n_resamples=9999))
            print(json.dumps([float(r.statistic), float(r.pvalue)]))
            """)
        #expect(ours.statistic == theirs.first)
        #expect(relativelyClose(ours.pValue, theirs.last ?? .nan, 1e-12))
    }

    @Test(
        "normal approximation, with and without continuity correction, equals scipy's method='asymptotic'",
        arguments: [true, false])
    func asymptotic(correction: Bool) throws {
        for (before, after) in [(Self.noTiesBefore, Self.noTiesAfter), (Self.tiedBefore, Self.tiedAfter)] {
            let ours = try #require(
                WilcoxonSignedRank.test(
                    Self.observations(before, after), method: .normalApproximation(continuityCorrection: correction)))
            let theirs = try Scipy.numbers(
                """
                import json, scipy.stats as s
                r = s.wilcoxon(\(literal(after)), \(literal(before)), zero_method='wilcox', method='asymptotic',
                               correction=\(correction ? "True" : "False"))
                print(json.dumps([float(r.statistic), float(r.pvalue), float(r.zstatistic)]))
                """)
            #expect(theirs.count == 3)
            #expect(ours.statistic == theirs.first)
            #expect(relativelyClose(ours.pValue, theirs[1], 1e-12))
            // scipy reports −|z| for a two-sided test.
            #expect(relativelyClose(abs(ours.z), abs(theirs[2]), 1e-12))
        }
    }

    @Test("t quantiles equal scipy.stats.t.ppf")
    func tQuantiles() throws {
        let cases: [(p: Double, df: Double)] = [
            (0.975, 1), (0.975, 2), (0.975, 3), (0.975, 9), (0.975, 29), (0.995, 4), (0.9999, 7), (0.6, 12),
            (0.025, 5), (0.975, 2.5), (0.975, 1000), (0.999999, 3), (0.9, 0.5),
        ]
        let theirs = try Scipy.numbers(
            """
            import json, scipy.stats as s
            cases = [\(cases.map { "(\($0.p), \($0.df))" }.joined(separator: ", "))]
            print(json.dumps([float(s.t.ppf(p, df)) for p, df in cases]))
            """)
        #expect(theirs.count == cases.count)
        for (testCase, expected) in zip(cases, theirs) {
            let ours = try #require(Distributions.studentTQuantile(testCase.p, degreesOfFreedom: testCase.df))
            #expect(relativelyClose(ours, expected, 1e-10), "p \(testCase.p), df \(testCase.df)")
        }
    }

    @Test("paired mean change interval equals scipy.stats.ttest_rel's")
    func pairedInterval() throws {
        let ours = try #require(Paired.compare(Self.observations(Self.noTiesBefore, Self.noTiesAfter)))
        let interval = try #require(ours.meanChangeInterval)
        let theirs = try Scipy.numbers(
            """
            import json, scipy.stats as s
            ci = s.ttest_rel(\(literal(Self.noTiesAfter)), \(literal(Self.noTiesBefore))).confidence_interval(0.95)
            print(json.dumps([float(ci.low), float(ci.high)]))
            """)
        #expect(theirs.count == 2)
        #expect(relativelyClose(interval.lower, theirs.first ?? .nan, 1e-10))
        #expect(relativelyClose(interval.upper, theirs.last ?? .nan, 1e-10))
    }

    @Test("discrimination index equals 100 × numpy's Pearson r of item and rest of test")
    func discrimination() throws {
        let marks: [[Double]] = [
            [1, 0.5, 2, 0], [0, 1, 1.5, 1], [1, 1, 2, 1], [0, 0, 0.5, 0], [1, 0.5, 1, 1], [0, 0, 1, 1],
            [1, 1, 1.5, 0], [1, 0, 2, 1],
        ]
        let maxima: [Double] = [1, 1, 2, 1]
        let ours = try #require(ItemAnalysis.quiz(marks: marks, maximumMarks: maxima))
        let rows = "[" + marks.map(literal).joined(separator: ", ") + "]"
        let theirs = try Scipy.numbers(
            """
            import json, numpy as np
            m = np.array(\(rows)); mx = np.array(\(literal(maxima)))
            out = []
            for i in range(m.shape[1]):
                x = m[:, i]; rest = m.sum(axis=1) - x
                out += [100 * x.mean() / mx[i], 100 * x.std(ddof=1) / mx[i], 100 * np.corrcoef(x, rest)[0, 1]]
            print(json.dumps([float(v) for v in out]))
            """)
        #expect(theirs.count == 3 * ours.count)
        for (i, stats) in ours.enumerated() where theirs.count == 3 * ours.count {
            #expect(relativelyClose(stats.facility ?? .nan, theirs[3 * i], 1e-12))
            #expect(relativelyClose(stats.standardDeviation ?? .nan, theirs[3 * i + 1], 1e-12))
            #expect(relativelyClose(stats.discriminationIndex ?? .nan, theirs[3 * i + 2], 1e-10), "item \(i)")
        }
    }
}
