import Foundation
import KursusRecords

/// What a generated cohort looks like: its teams and their size, the seed every random
/// choice follows from, the record settings statements are made with, and when the
/// course starts. The same options and course always give the same cohort, byte for byte.
public struct CohortOptions: Hashable, Sendable {
    /// Every random choice follows from this.
    public var seed: UInt64
    /// The teams' names, as their profiles spell them (`context.team` of the statements).
    public var teams: [String]
    public var learnersPerTeam: Int
    /// Activity base, account home page and whether learners appear under pseudonyms.
    public var settings: RecordSettings
    /// Monday morning of the first team's first week; each further team starts a week later.
    public var start: Date

    /// 2026-02-02 07:00 UTC (08:00 in Denmark), a Monday.
    public static let defaultStart = Date(timeIntervalSince1970: 1_770_015_600)

    public init(
        seed: UInt64 = 1, teams: [String] = CohortOptions.teamNames(3), learnersPerTeam: Int = 25, settings: RecordSettings = .default,
        start: Date = CohortOptions.defaultStart
    ) {
        self.seed = seed
        self.teams = teams
        self.learnersPerTeam = learnersPerTeam
        self.settings = settings
        self.start = start
    }

    /// `Hold 1` … `Hold n`.
    public static func teamNames(_ count: Int) -> [String] {
        (0..<max(0, count)).map { "Hold \($0 + 1)" }
    }

    /// How many learners the cohort has.
    public var learnerCount: Int { teams.count * max(0, learnersPerTeam) }

    /// The site secret the cohort's pseudonyms and anonymous submissions are keyed with:
    /// made from the seed, so the same seed gives the same statements. Written to a data
    /// directory as its `site-secret`.
    public var siteSecret: Data {
        var generator = CohortRandom(seed: seed ^ 0x5EC2_E7C0_4017_0001)
        var bytes: [UInt8] = []
        while bytes.count < 32 {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return Data(bytes.prefix(32))
    }
}

/// Why a cohort could not be made or written; each message names the place and what to do.
public enum CohortError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidOptions(String)
    case course(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidOptions(let reason): return reason
        case .course(let path, let reason): return "\(path): \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): \(reason)"
        }
    }
}
