import Crypto
import Foundation

/// Who a statement is about and the ids derived from that: the actor, the registration
/// and statement ids. Two kinds (docs/records.md, "Ids" and "Anonymous surveys"):
///
/// - the learner: `account` with the configured home page and the learner id, or with
///   `pseudonymous: true` the hex HMAC-SHA256 of `kursus-pseudonym:<id>` keyed with the
///   site secret. The registration and statement ids are UUIDv5 names built from the
///   account *as sent*, so knowing a learner id does not reveal a pseudonym's ids.
/// - an anonymous survey submission: everything derives from a key
///   `HMAC-SHA256(site secret, kursus-anonymous:<home page> <learner> <course>/<place>)`,
///   which only the workstation can compute; nobody without the secret can link it to
///   the learner or to the learner's other submissions.
struct StatementIdentity: Sendable {
    let actor: JSONValue
    /// `context.registration`.
    let registration: String
    /// Every statement id is a UUIDv5 of this prefix and the statement's place.
    private let idPrefix: String
    /// Anonymous statements carry the week, not the moment.
    let coarseTime: Bool
    /// An anonymous survey submission: its statements carry no team either.
    let isAnonymous: Bool

    /// The statement id for an event's place in the record (`units/quiz-1/attempts/2/...`).
    func statementID(_ place: String) -> String {
        UUIDv5.string(name: idPrefix + place)
    }

    /// The learner as they appear in every statement but those of anonymous surveys.
    static func learner(id learnerID: String, courseIRI: String, settings: RecordSettings, secret: Data) -> StatementIdentity {
        let name = settings.pseudonymous ? pseudonym(learnerID, secret: secret) : learnerID
        let account = "\(settings.accountHomePage) \(name) \(courseIRI)"
        return StatementIdentity(
            actor: agent(homePage: settings.accountHomePage, name: name),
            registration: UUIDv5.string(name: "kursus-registration:" + account),
            idPrefix: "kursus-statement:\(account)/",
            coarseTime: false,
            isAnonymous: false
        )
    }

    /// One anonymous submission: `place` is the attempt (`units/evaluering/attempts/1`) or,
    /// for opening the survey, the opening (`units/evaluering/openings/3`).
    static func anonymous(learnerID: String, courseIRI: String, place: String, settings: RecordSettings, secret: Data) -> StatementIdentity {
        let label = "kursus-anonymous:\(settings.accountHomePage) \(learnerID) \(courseIRI)/\(place)"
        let key = SymmetricKey(data: hmac(Data(label.utf8), key: secret))
        func derived(_ purpose: String) -> String {
            hex(HMAC<SHA256>.authenticationCode(for: Data(purpose.utf8), using: key))
        }
        return StatementIdentity(
            actor: agent(homePage: settings.activityBase + "/anonymous", name: "anonymous-" + derived("actor").prefix(32)),
            registration: UUIDv5.string(name: "kursus-anonymous-registration:" + derived("registration")),
            idPrefix: "kursus-anonymous-statement:\(derived("statements"))/",
            coarseTime: true,
            isAnonymous: true
        )
    }

    /// `kursus-pseudonym:<learner id>` keyed with the site secret, as 64 lowercase hex digits.
    static func pseudonym(_ learnerID: String, secret: Data) -> String {
        hex(hmac(Data("kursus-pseudonym:\(learnerID)".utf8), key: secret))
    }

    static func agent(homePage: String, name: String) -> JSONValue {
        ["objectType": "Agent", "account": ["homePage": .string(homePage), "name": .string(name)]]
    }

    private static func hmac(_ message: Data, key: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    private static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var text = String.UnicodeScalarView()
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(text)
    }
}
