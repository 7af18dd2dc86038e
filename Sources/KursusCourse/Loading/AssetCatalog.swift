import Foundation
import KursusAssets

/// Kursus's own files (UI string tables, colour themes, schemas, generic portraits) by
/// path relative to `Assets/`, such as `strings/en.json`. They come from an `Assets`
/// folder, from the copy compiled into the binary, or from a folder first and the
/// compiled copy for whatever the folder lacks, which is how an installation overrides
/// a single file (a theme, say) and keeps the rest.
public struct AssetCatalog: Sendable, Equatable {
    /// One place a file is looked for.
    public enum Layer: Sendable, Equatable {
        /// An `Assets` folder on disk.
        case folder(URL)
        /// The copy of the repository's `Assets/` compiled into the binary.
        case embedded
    }

    /// A file found in the catalog, and where it came from, phrased for messages.
    public struct Asset: Sendable, Equatable {
        public var data: Data
        public var shown: String
    }

    /// The places looked in, first to last; the first that has a file wins.
    public let layers: [Layer]

    public init(layers: [Layer]) { self.layers = layers }

    /// Only the files compiled into the binary.
    public static let embedded = AssetCatalog(layers: [.embedded])

    /// Only the files in `folder` (an `Assets` folder).
    public static func folder(_ folder: URL) -> AssetCatalog { AssetCatalog(layers: [.folder(folder)]) }

    /// The files in `folder`, and the compiled-in copy for every file the folder lacks.
    public static func overriding(_ folder: URL) -> AssetCatalog { AssetCatalog(layers: [.folder(folder), .embedded]) }

    /// The file at `path` (relative, `/`-separated, without `.` or `..`), or nil when no
    /// layer has it. A file that a folder has but that cannot be read is nil too: a broken
    /// override is reported, not silently replaced by the compiled-in copy.
    public func read(_ path: String) -> Asset? {
        (try? find(path)) ?? nil
    }

    /// Why a file a folder layer has could not be read: the file as shown, and the reason.
    public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
        public var shown: String
        public var reason: RegularFileReader.Failure
        public var description: String { "\(shown) \(reason)" }
    }

    /// The largest file read from an `Assets` folder (string tables and themes are a few KiB).
    public static let maximumFileSize = 1 << 20

    /// The file at `path` as `read` finds it, or nil when no layer has it; a file that a
    /// folder has but that cannot be read (a FIFO, a folder, unreadable, too large)
    /// throws, with the reason, instead of falling back to the compiled-in copy.
    public func find(_ path: String) throws(ReadError) -> Asset? {
        guard Self.isValid(path) else { return nil }
        for layer in layers {
            switch layer {
            case .folder(let folder):
                let url = folder.appendingPathComponent(path)
                do {
                    return Asset(data: try RegularFileReader.read(url, limit: Self.maximumFileSize), shown: url.path)
                } catch .notFound {
                    continue
                } catch {
                    throw ReadError(shown: url.path, reason: error)
                }
            case .embedded:
                if let bytes = EmbeddedAssets.files[path] { return Asset(data: Data(bytes), shown: Self.embeddedName(path)) }
            }
        }
        return nil
    }

    /// Whether some layer has a file at `path`.
    public func contains(_ path: String) -> Bool { shownIfPresent(path) != nil }

    /// Where `path` is read from, for messages: the first layer that has it, else the
    /// first layer's place for it (where the reader should put the missing file).
    public func shown(_ path: String) -> String {
        if let present = shownIfPresent(path) { return present }
        switch layers.first {
        case .folder(let folder): return folder.appendingPathComponent(path).path
        case .embedded, nil: return Self.embeddedName(path)
        }
    }

    /// Every file path the catalog has, sorted.
    public var paths: [String] {
        var found = Set<String>()
        for layer in layers {
            switch layer {
            case .embedded: found.formUnion(EmbeddedAssets.files.keys)
            case .folder(let folder):
                let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
                while let url = enumerator?.nextObject() as? URL {
                    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                    let relative = url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count)
                    found.insert(String(relative.drop(while: { $0 == "/" })))
                }
            }
        }
        return found.sorted()
    }

    private func shownIfPresent(_ path: String) -> String? {
        guard Self.isValid(path) else { return nil }
        for layer in layers {
            switch layer {
            case .folder(let folder):
                let url = folder.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path) { return url.path }
            case .embedded:
                if EmbeddedAssets.files[path] != nil { return Self.embeddedName(path) }
            }
        }
        return nil
    }

    private static func embeddedName(_ path: String) -> String { "Assets/\(path) (built into kursus)" }

    private static func isValid(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.contains("\\") && !path.contains("\0")
            && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
