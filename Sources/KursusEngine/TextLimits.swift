/// How much a learner can type into each kind of field. Every field is bounded, so a
/// held key or a paste cannot grow the state without limit.
public enum TextLimits {
    /// A learner's display name.
    public static let name = 60
    public static let team = 40
    /// A learner id (it names a folder).
    public static let learnerID = 64
    /// PINs are 4 to 8 digits.
    public static let pin = 8
    public static let pinMinimum = 4
    /// A short-answer or numeric answer.
    public static let shortAnswer = 200
    /// A free-text answer, unless the question sets its own `maximum-length`.
    public static let freeText = 2000
}
