import Foundation
import KursusProgress
import KursusRecords

/// Who the actors of statements are: the learners of one or more data directories, by
/// the account their statements carry, with the team and display name of their profile
/// (`learners/<id>/profile.json`, docs/learners.md). Names and teams never leave a
/// workstation in statements, so a report can only show them for learners whose data
/// directory it is given.
///
/// A learner's account is the config's `account-homepage` and the learner id, or with
/// `records.pseudonymous` the pseudonym keyed with the data directory's site secret
/// (`LearnerAccount`, as the `StatementBuilder` makes it). When the data directory has a
/// site secret, both forms are known, so statements made before and after switching
/// pseudonyms on are matched alike. Without the secret, pseudonymous actors stay
/// unknown. Anonymous survey submissions have actors of their own that match nobody,
/// by design. The first data directory that knows an account wins.
public struct LearnerDirectory: Sendable {
    /// A learner as the report may show them.
    public struct Learner: Hashable, Sendable {
        public var id: String
        public var team: String?
        /// The display name, nil when the learner has no profile.
        public var name: String?

        public init(id: String, team: String? = nil, name: String? = nil) {
            self.id = id
            self.team = team
            self.name = name
        }
    }

    private var learners: [StatementActor.Account: Learner] = [:]

    public init() {}

    /// The learners of `dataDirectories`, with problems met (damaged profiles, a config
    /// or site secret that cannot be read), each naming the file.
    public static func read(dataDirectories: [URL]) -> (directory: LearnerDirectory, problems: [String]) {
        var directory = LearnerDirectory()
        var problems: [String] = []
        for folder in dataDirectories {
            directory.add(dataDirectory: folder, problems: &problems)
        }
        return (directory, problems)
    }

    /// Learners known.
    public var count: Int { Set(learners.values.map(\.id)).count }

    public var isEmpty: Bool { learners.isEmpty }

    /// The learner an account belongs to, if known.
    public func learner(homePage: String, name: String) -> Learner? {
        learners[StatementActor.Account(homePage: homePage, name: name)]
    }

    /// The learner a statement's actor is, if known.
    public func learner(of statement: Data) -> Learner? {
        guard !learners.isEmpty, let account = StatementActor.account(of: statement) else { return nil }
        return learners[account]
    }

    /// Adds a learner under an account (kept when the account is known already).
    public mutating func add(_ learner: Learner, homePage: String, accountName: String) {
        let key = StatementActor.Account(homePage: homePage, name: accountName)
        if learners[key] == nil { learners[key] = learner }
    }

    /// A data directory that cannot be read at all adds no learners and no problem: its
    /// `DataDirectorySource` says why.
    private mutating func add(dataDirectory: URL, problems: inout [String]) {
        guard let folders = try? ReadOnlyDataDirectory.learners(dataDirectory: dataDirectory) else { return }
        let settings = Self.settings(dataDirectory, &problems)
        var secret: Data?
        do {
            secret = try SiteSecret.existing(dataDirectory: dataDirectory)
        } catch {
            problems.append("\(error.description); pseudonymous learners of \(dataDirectory.path) are not matched to their teams")
        }
        if settings.pseudonymous, secret == nil {
            problems.append(
                "\(dataDirectory.path) has records.pseudonymous but no usable site secret: its learners' statements cannot be matched to their teams and names"
            )
        }
        for folder in folders where folder.problem == nil {
            var learner = Learner(id: folder.id)
            do {
                if let data = try ReadOnlyDataDirectory.file(
                    in: dataDirectory, ["learners", folder.id, LearnerProfile.fileName], limit: LearnerProfile.maximumSize + 1)
                {
                    let path = dataDirectory.appendingPathComponent("learners/\(folder.id)/\(LearnerProfile.fileName)").path
                    let profile = try LearnerProfile.read(data, path: path, expectedID: folder.id)
                    learner.team = profile.team
                    learner.name = profile.displayName
                }
            } catch let error as LearnerError {
                problems.append("\(error.description); learner '\(folder.id)' is shown without team and name")
            } catch {
                problems.append("\(RecordStoreSource.describe(error)); learner '\(folder.id)' is shown without team and name")
            }
            add(learner, homePage: settings.accountHomePage, accountName: folder.id)
            if let secret {
                add(learner, homePage: settings.accountHomePage, accountName: LearnerAccount.pseudonym(learnerID: folder.id, secret: secret))
            }
        }
    }

    /// The data directory's record settings; the defaults (with a problem) when its
    /// config cannot be read.
    static func settings(_ dataDirectory: URL, _ problems: inout [String]) -> RecordSettings {
        do {
            guard let data = try ReadOnlyDataDirectory.file(in: dataDirectory, [WorkstationConfig.fileName], limit: 64 << 10) else {
                return .default
            }
            let path = dataDirectory.appendingPathComponent(WorkstationConfig.fileName).path
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append("\(path): not UTF-8 text; its learners are matched with the default settings")
                return .default
            }
            return RecordSettings(config: try WorkstationConfig.parse(text, path: path), dataDirectory: dataDirectory)
        } catch let error as RecordFileError {
            // A data directory that is not there has no learners; its source says so.
            if case .missing = error { return .default }
            problems.append("\(error.description); the learners of \(dataDirectory.path) are matched with the default settings")
        } catch let error as WorkstationConfigError {
            problems.append("\(error.description); its learners are matched with the default settings")
        } catch {
            problems.append("\(RecordStoreSource.describe(error)); the learners of \(dataDirectory.path) are matched with the default settings")
        }
        return .default
    }
}
