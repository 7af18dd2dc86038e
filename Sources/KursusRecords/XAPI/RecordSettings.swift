import Foundation
import KursusProgress

/// What statements are made with on this workstation: the `records:` section of
/// `<data-dir>/config.yaml` (docs/records.md, "Settings") with the defaults filled in.
public struct RecordSettings: Hashable, Sendable {
    /// Activity ids start here when the config names no base. `.invalid` is a top-level
    /// domain that can never be registered (RFC 2606), so such ids are clearly a
    /// placeholder and never collide with anybody's real ones.
    public static let defaultActivityBase = "https://kursus.invalid/xapi"
    /// The learners' account home page when the config names none.
    public static let defaultAccountHomePage = "https://kursus.invalid"

    /// The start of every activity id and extension key, without a trailing `/`.
    public var activityBase: String
    /// `actor.account.homePage`: the system whose user names the learner ids are.
    public var accountHomePage: String
    /// Learners appear under a keyed hash of their id (`SiteSecret`) instead of the id.
    public var pseudonymous: Bool
    /// Where `kursus sync` sends statements, if this workstation sends them itself.
    public var lrs: LRSSettings?

    public init(
        activityBase: String = RecordSettings.defaultActivityBase, accountHomePage: String = RecordSettings.defaultAccountHomePage,
        pseudonymous: Bool = false, lrs: LRSSettings? = nil
    ) {
        self.activityBase = Self.withoutTrailingSlash(activityBase)
        self.accountHomePage = accountHomePage
        self.pseudonymous = pseudonymous
        self.lrs = lrs
    }

    /// The settings of a workstation config (already checked by `WorkstationConfig`);
    /// a relative credentials path is taken relative to `dataDirectory`.
    public init(config: WorkstationConfig, dataDirectory: URL) {
        let records = config.records
        self.init(
            activityBase: records.activityBase ?? Self.defaultActivityBase,
            accountHomePage: records.accountHomePage ?? Self.defaultAccountHomePage,
            pseudonymous: records.pseudonymous,
            lrs: records.lrs.map { LRSSettings(config: $0, dataDirectory: dataDirectory) }
        )
    }

    public static let `default` = RecordSettings()

    /// `https://x.dk/xapi/` and `https://x.dk/xapi` are the same base; `https://x.dk/` stays a host.
    static func withoutTrailingSlash(_ text: String) -> String {
        var result = Substring(text)
        while result.hasSuffix("/"), !result.hasSuffix("//") { result = result.dropLast() }
        return String(result)
    }
}

/// The LRS a workstation sends to: the xAPI base address and the credentials file.
public struct LRSSettings: Hashable, Sendable {
    /// The xAPI base address as configured (e.g. `http://lrs:8100/xAPI/`); the
    /// Statement resource is `statements` under it.
    public var endpoint: String
    /// The YAML file with `username` and `password` (mode 0600).
    public var credentialsFile: URL

    public init(endpoint: String, credentialsFile: URL) {
        self.endpoint = endpoint
        self.credentialsFile = credentialsFile
    }

    public init(config: LRSConfig, dataDirectory: URL) {
        let path = (config.credentials as NSString).expandingTildeInPath
        let file = path.hasPrefix("/") ? URL(fileURLWithPath: path) : dataDirectory.appendingPathComponent(path)
        self.init(endpoint: config.endpoint, credentialsFile: file.standardizedFileURL)
    }
}
