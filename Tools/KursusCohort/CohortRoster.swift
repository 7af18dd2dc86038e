import Foundation

/// One learner of a generated cohort: their id (a hospital user name such as `anje0001`),
/// display name, team, and the number everything random about them follows from.
public struct CohortLearner: Hashable, Sendable {
    /// 0-based place in the cohort: team by team, in the teams' order.
    public var number: Int
    public var id: String
    public var displayName: String
    public var team: String
}

/// The cohort's learners, made from the options alone (names from common Danish first
/// and family names; nothing here is a real person).
enum CohortRoster {
    static let firstNames = [
        "Anna", "Mette", "Hanne", "Susanne", "Lene", "Karen", "Camilla", "Louise", "Maria", "Pia", "Charlotte", "Tina", "Helle", "Marianne",
        "Ida", "Sofie", "Emma", "Julie", "Line", "Birgitte", "Rikke", "Dorthe", "Signe", "Nanna", "Mads", "Jens", "Peter", "Lars", "Søren",
        "Henrik", "Thomas", "Martin", "Rasmus", "Jonas", "Anders", "Mikkel", "Kasper", "Ahmad", "Fatima", "Zeynep", "Ali", "Aisha",
    ]
    static let familyNames = [
        "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen",
        "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
        "Mikkelsen", "Frederiksen", "Laursen", "Holm", "Schmidt", "Kaya", "Yilmaz", "Hussein",
    ]

    static func learners(_ options: CohortOptions) -> [CohortLearner] {
        var learners: [CohortLearner] = []
        learners.reserveCapacity(options.learnerCount)
        for (teamIndex, team) in options.teams.enumerated() {
            for place in 0..<max(0, options.learnersPerTeam) {
                let number = teamIndex * options.learnersPerTeam + place
                learners.append(learner(number: number, team: team, seed: options.seed, total: options.learnerCount))
            }
        }
        return learners
    }

    static func learner(number: Int, team: String, seed: UInt64, total: Int) -> CohortLearner {
        var random = CohortRandom(seed: seed, "name", number)
        let first = random.pick(firstNames) ?? "Anna"
        let family = random.pick(familyNames) ?? "Jensen"
        let digits = max(4, String(total).count)
        let serial = String(number + 1)
        let letters = String(ascii(first).prefix(2)) + String(ascii(family).prefix(2))
        let id = letters + String(repeating: "0", count: max(0, digits - serial.count)) + serial
        return CohortLearner(number: number, id: id, displayName: "\(first) \(family)", team: team)
    }

    /// Letters for a user name: æ, ø, å as ae, oe, aa.
    static func ascii(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            switch character {
            case "æ": out += "ae"
            case "ø": out += "oe"
            case "å": out += "aa"
            default: if character.isASCII, character.isLetter { out.append(character) }
            }
        }
        return out.isEmpty ? "kurs" : out
    }
}
