import ArgumentParser
import Foundation
import KursusCourse
import KursusPackages
import KursusProgress

/// Opens a course package named on the command line: a folder as a `FolderStorage`, a
/// `.kursus` file as an `ArchiveStorage` that this workstation's `PackageTrust` accepts.
enum PackageOpening {
    /// The system-wide config, which IT controls: `/etc/kursus/config.yaml`, or
    /// `$KURSUS_SYSTEM_CONFIG` (for tests).
    static func systemConfigFile(environment: [String: String]) -> URL {
        URL(fileURLWithPath: environment["KURSUS_SYSTEM_CONFIG"] ?? "/etc/kursus/config.yaml")
    }

    /// The package policy: the system config's `packages:` section when it has one (the
    /// shared ward account can edit the data directory, not /etc), else the data
    /// directory's, else any intact package.
    static func trust(dataDirectory: URL, environment: [String: String] = CommandSupport.environment) throws -> PackageTrust {
        let system = systemConfigFile(environment: environment)
        let candidates = [
            (system, { () throws(WorkstationConfigError) -> WorkstationConfig in try loadConfig(system) }),
            (
                dataDirectory.appendingPathComponent(WorkstationConfig.fileName),
                { () throws(WorkstationConfigError) -> WorkstationConfig in try WorkstationConfig.load(dataDirectory: dataDirectory) }
            ),
        ]
        for (file, load) in candidates where FileManager.default.fileExists(atPath: file.path) {
            let config: WorkstationConfig
            do { config = try load() } catch { throw CommandFailure(error.description) }
            guard let packages = config.packages else { continue }
            do {
                return try PackageTrust.load(
                    requireSignature: packages.requireSignature, trustedKeyPaths: packages.trustedKeys, configFile: file)
            } catch {
                throw CommandFailure(error.description)
            }
        }
        return .permissive
    }

    /// Reads a config file that is not in a data directory (the system config).
    private static func loadConfig(_ file: URL) throws(WorkstationConfigError) -> WorkstationConfig {
        let data: Data
        do {
            data = try RegularFileReader.read(file, limit: 64 << 10)
        } catch .tooLarge {
            throw .unreadable(path: file.path, reason: "larger than 64 KiB")
        } catch {
            throw .unreadable(path: file.path, reason: "it \(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(path: file.path, reason: "not UTF-8 text") }
        return try WorkstationConfig.parse(text, path: file.path)
    }

    /// Whether `argument` names a package file rather than a folder.
    static func isArchive(_ argument: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The storage for the package at `path`: a folder as it is; a file opened as a
    /// `.kursus` archive and, when `trustFrom` names a data directory, checked against
    /// the workstation's package policy (`trust(dataDirectory:)`). Without it (`kursus
    /// validate`) any intact package opens. Refusals are `CommandFailure`s that name the
    /// file and the reason.
    static func storage(_ path: URL, shownAs shown: String, trustFrom dataDirectory: URL?) throws -> any PackageStorage {
        guard isArchive(path.path) else { return FolderStorage(path) }
        let trust = try dataDirectory.map { try Self.trust(dataDirectory: $0) }
        let archive: PackageArchive
        do {
            archive = try PackageArchive.open(path, shownAs: shown)
        } catch {
            throw CommandFailure(error.description)
        }
        if let trust {
            do { try trust.check(archive) } catch { throw CommandFailure(error.description) }
        }
        return ArchiveStorage(archive)
    }

    /// Opens and loads the package at `path` for playing or previewing, for
    /// `PackageWatcher`'s reloads: every problem is a `CourseError`.
    static func load(_ path: URL, shownAs shown: String, trustFrom dataDirectory: URL?) throws(CourseError) -> CoursePackage {
        guard isArchive(path.path) else { return try CoursePackage.open(path, shownAs: shown).0 }
        let storage: any PackageStorage
        do {
            storage = try Self.storage(path, shownAs: shown, trustFrom: dataDirectory)
        } catch {
            throw CourseError(SourceLocation(file: shown), "\(error)")
        }
        let package = try CoursePackage.open(storage, shownAs: shown).0
        try checkManifest(of: storage, matches: package, shownAs: shown)
        return package
    }

    /// For an archive: its manifest must name the course its course.yaml holds.
    static func checkManifest(of storage: any PackageStorage, matches package: CoursePackage, shownAs shown: String) throws(CourseError) {
        guard let archive = (storage as? ArchiveStorage)?.archive else { return }
        do {
            try archive.checkMatches(package.course)
        } catch {
            throw CourseError(SourceLocation(file: shown), error.reason)
        }
    }
}
