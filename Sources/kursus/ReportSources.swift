import ArgumentParser
import Foundation
import KursusProgress
import KursusRecords
import KursusReports

/// Which places `kursus report` reads, from its options: every `--data-dir`, the
/// `--store`, every `--transfer` file and the LRS (`--lrs`), in that order; with none
/// of them, the default data directory and the record store `kursus import` fills by
/// default (`<data-dir>/records`), when there is one. Teams and names come from the profiles of the
/// data directories given, or, when none is given, of the default one.
struct ReportSources {
    var sources: [any StatementSource]
    /// Where learners' profiles (teams and names) are looked up.
    var profileDirectories: [URL]

    /// The options' sources. A missing LRS setting or a bad credentials file is a bad
    /// argument (exit 2); a missing folder or file is not: it is reported while reading.
    static func make(
        dataDirectories: [String], store: String?, transfers: [String], lrs: String?, credentials: String?, courseID: String,
        since: Date?, until: Date?, lrsPageSize: Int?
    ) throws -> ReportSources {
        let defaultDirectory = DataDirectory.locate(explicit: nil, environment: CommandSupport.environment, home: NSHomeDirectory())
        let given = dataDirectories.map { URL(fileURLWithPath: $0) }
        let anySource = !given.isEmpty || store != nil || !transfers.isEmpty || lrs != nil
        let directories = anySource ? given : [defaultDirectory]
        var sources: [any StatementSource] = directories.map { DataDirectorySource(directory: $0, courseID: courseID) }
        if let store {
            sources.append(RecordStoreSource(folder: URL(fileURLWithPath: store)))
        } else if !anySource {
            // On a trainer's machine the records imported with `kursus import` are there too.
            let imported = defaultDirectory.appendingPathComponent("records")
            if FileManager.default.fileExists(atPath: imported.appendingPathComponent("store.json").path) {
                sources.append(RecordStoreSource(folder: imported))
            }
        }
        sources += transfers.map { TransferFileSource(file: URL(fileURLWithPath: $0)) }
        if let lrs {
            let client = try lrsClient(lrs, credentials: credentials, dataDirectory: directories.first ?? defaultDirectory)
            // Only `since` goes to the LRS: xAPI compares `until` with when a statement was
            // stored, so a laptop synced after `--until` would lose statements made before
            // it. The report filters every statement by its own timestamp anyway.
            sources.append(LRSSource(client: client, since: since, until: nil, pageSize: lrsPageSize))
        } else if credentials != nil {
            throw RecordsOutput.badArgument("--credentials goes with --lrs: give --lrs too, or leave --credentials out")
        }
        return ReportSources(sources: sources, profileDirectories: directories.isEmpty ? [defaultDirectory] : directories)
    }

    /// Pages followed through `more`: 10 million statements at Ralph's 100 a page.
    static let maximumLRSPages = 100_000

    /// The LRS client: the address given with `--lrs`, or with a bare `--lrs` the
    /// `records.lrs.endpoint` of the data directory's config; the credentials from
    /// `--credentials`, else `records.lrs.credentials`.
    static func lrsClient(_ lrs: String, credentials: String?, dataDirectory: URL) throws -> LRSClient {
        let configured: LRSSettings?
        do {
            configured = RecordSettings(config: try WorkstationConfig.load(dataDirectory: dataDirectory), dataDirectory: dataDirectory).lrs
        } catch {
            throw RecordsOutput.badArgument(error.description)
        }
        let configPath = dataDirectory.appendingPathComponent(WorkstationConfig.fileName).path
        let endpoint: String
        if lrs == ReportArguments.configuredLRS {
            guard let configuredEndpoint = configured?.endpoint else {
                throw RecordsOutput.badArgument(
                    "no LRS is set up in \(configPath): add records.lrs.endpoint and records.lrs.credentials there, or give --lrs URL and --credentials FILE"
                )
            }
            endpoint = configuredEndpoint
        } else {
            endpoint = lrs
        }
        guard let file = credentials.map({ URL(fileURLWithPath: $0) }) ?? configured?.credentialsFile else {
            throw RecordsOutput.badArgument("no credentials for the LRS: give --credentials FILE or set records.lrs.credentials in \(configPath)")
        }
        do {
            // A report may page through millions of statements: Ralph sends at most 100 a page.
            return LRSClient(
                address: try LRSAddress(endpoint), credentials: try LRSCredentials.load(path: file.path),
                limits: LRSClient.Limits(maximumPages: maximumLRSPages))
        } catch {
            throw RecordsOutput.badArgument(error.description)
        }
    }
}
