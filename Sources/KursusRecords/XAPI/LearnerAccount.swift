import Foundation

/// The account a learner's statements carry (docs/records.md, "The learner in a
/// statement"), for readers that must match statements to learners they know by id:
/// `kursus report` giving each statement its learner's team and name.
public enum LearnerAccount {
    /// The account name a learner is sent under: the learner id, or with
    /// `settings.pseudonymous` the keyed pseudonym. Computed exactly as the
    /// `StatementBuilder` does.
    public static func name(learnerID: String, settings: RecordSettings, secret: Data) -> String {
        settings.pseudonymous ? pseudonym(learnerID: learnerID, secret: secret) : learnerID
    }

    /// The learner's pseudonym under `secret`: the hex HMAC-SHA256 of
    /// `kursus-pseudonym:<learner id>`, whatever the settings say.
    public static func pseudonym(learnerID: String, secret: Data) -> String {
        StatementIdentity.pseudonym(learnerID, secret: secret)
    }
}

extension SiteSecret {
    /// The data directory's secret when it has one; never makes one (a reader must not
    /// write into a workstation's folder). Refuses a damaged or exposed secret as `load` does.
    public static func existing(dataDirectory: URL) throws(SiteSecretError) -> Data? {
        try read(dataDirectory.appendingPathComponent(fileName))
    }
}
