import Foundation
import KursusFuzzTargets
import Testing

/// Every input saved for the fuzz targets (docs/reliability.md), replayed through the
/// same entry functions as the fuzzer, without it: the seeds in `Fuzz/Corpus/<target>/`
/// and the crashes, leaks and timeouts the fuzzer once found, kept in
/// `Fuzz/Regressions/<target>/`. A crash in any of them stops this test run.
@Suite("Fuzz inputs replayed")
struct FuzzReplayTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// Seeds named like this come from the bundled course or were written by Kursus
    /// itself, so they must still be read as sound files.
    static let soundPrefixes = ["bundled-", "made-"]

    /// The files in `Fuzz/<kind>/<target>/`, sorted; hidden files and READMEs left out.
    static func inputs(_ kind: String, _ target: String) -> [URL] {
        let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func folders(_ kind: String) -> Set<String> {
        let folder = fuzzFolder.appendingPathComponent(kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.filter { !$0.hasPrefix(".") && $0 != "README.md" })
    }

    @Test("every target has seeds, and every corpus or regression folder names a target")
    func foldersMatchTargets() {
        let names = Set(FuzzTargets.all.map(\.name))
        #expect(names == ["manifest", "lesson", "gift", "quiz", "scenario", "progress", "profile", "transfer"])
        #expect(Self.folders("Corpus") == names)
        #expect(Self.folders("Regressions").isSubset(of: names))
        for name in names.sorted() {
            #expect(Self.inputs("Corpus", name).count >= 3, "Fuzz/Corpus/\(name) has fewer than 3 seeds")
        }
    }

    @Test(
        "every seed and regression input runs through its target; seeds from the bundled course or from Kursus are accepted",
        arguments: FuzzTargets.all.map(\.name))
    func replay(target name: String) throws {
        let target = try #require(FuzzTargets.target(named: name))
        for url in Self.inputs("Corpus", name) + Self.inputs("Regressions", name) {
            let outcome = target.run(try Data(contentsOf: url))
            if Self.soundPrefixes.contains(where: url.lastPathComponent.hasPrefix) {
                #expect(outcome.accepted, "\(name)/\(url.lastPathComponent): \(outcome.detail)")
            }
        }
    }
}
