import Foundation
import Testing

@testable import KursusCourse

/// `PackagePath.resolve` takes a short way (one `lstat` per segment) when no segment is
/// a symbolic link; the URL it gives must be the one Foundation's link resolution gives,
/// and every link must still go the general way.
@Suite("Package paths without links")
struct PackagePathFastPathTests {
    /// A package folder with files, folders and links, and a file outside it.
    private static func makePackage() throws -> (root: URL, outside: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-fastpath-\(UUID().uuidString)")
        let root = base.appendingPathComponent("pakke")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("lektioner/dybere"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("billeder"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: root.appendingPathComponent("lektioner/01.md"))
        try Data("b".utf8).write(to: root.appendingPathComponent("lektioner/dybere/æble ø%20.md"))
        try Data("c".utf8).write(to: root.appendingPathComponent("billeder/x.png"))
        let outside = base.appendingPathComponent("hemmelig.md")
        try Data("d".utf8).write(to: outside)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("lektioner/link.md").path, withDestinationPath: "01.md")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("lektioner/ud.md").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("genvej").path, withDestinationPath: "lektioner")
        return (root, outside)
    }

    static let paths = [
        "lektioner/01.md", "lektioner/dybere/æble ø%20.md", "billeder/x.png", "lektioner", "lektioner/dybere", "billeder/",
        "lektioner/mangler.md", "mangler/x.md", "lektioner/01.md/x", "lektioner/link.md", "lektioner/ud.md", "genvej/01.md", "genvej",
    ]

    @Test("the short way gives Foundation's URL for every file and folder without links, and nothing else")
    func sameAsFoundation() throws {
        let (root, _) = try Self.makePackage()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let package = PackagePath(root: root)
        var shortWays = 0
        for written in Self.paths {
            let relative = try PackagePath.normalize(written).get()
            let general = package.resolvedThroughLinks(relative)
            if let direct = package.resolvedWithoutLinks(relative) {
                shortWays += 1
                let url = try general.get()
                #expect(direct.path == url.path, "\(written)")
                #expect(direct.absoluteString == url.absoluteString, "\(written)")
                #expect(direct.hasDirectoryPath == url.hasDirectoryPath, "\(written)")
            }
            switch (package.resolve(written), general) {
            case (.success(let resolved), .success(let url)):
                #expect(resolved.url.path == url.path, "\(written)")
                #expect(resolved.path == relative)
            case (.failure(let problem), .failure(let expected)):
                #expect(problem == expected, "\(written)")
            default:
                Issue.record("resolve and the general path disagree on \(written)")
            }
        }
        // Files and folders that exist without a link on the way: the six first paths.
        #expect(shortWays == 6)
    }

    @Test("links go the general way: inside the package they resolve, out of it they are refused")
    func links() throws {
        let (root, _) = try Self.makePackage()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let package = PackagePath(root: root)
        #expect(package.resolvedWithoutLinks("lektioner/link.md") == nil)
        #expect(package.resolvedWithoutLinks("genvej/01.md") == nil)
        #expect(package.resolvedWithoutLinks("lektioner/mangler.md") == nil)
        #expect((try? package.resolve("lektioner/link.md").get())?.url.lastPathComponent == "01.md")
        #expect((try? package.resolve("genvej/01.md").get())?.url.path == package.root.path + "/lektioner/01.md")
        guard case .failure(let problem) = package.resolve("lektioner/ud.md") else {
            Issue.record("a link out of the package was followed")
            return
        }
        #expect(problem == .linkLeadsOutside)
    }
}
