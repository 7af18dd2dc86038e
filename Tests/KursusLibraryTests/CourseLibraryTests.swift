import Foundation
import KursusPackages
import Testing

@testable import KursusLibrary

@Suite("Course library: install, update, downgrade, uninstall, listing", .serialized)
struct CourseLibraryTests {
    @Test("installing puts the very package file in the library as <id>.kursus and lists it")
    func install() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let package = try LibraryFixtures.package(in: folder, version: "1.0")
        let library = CourseLibrary(folder: folder.file("library"))
        let outcome = try library.install(package, shownAs: "hygiejne-1.0.kursus", trust: .permissive)
        let installed = folder.file("library/hygiejne.kursus")
        guard case .installed(let entry) = outcome else {
            Issue.record("expected a first install, got \(outcome)")
            return
        }
        #expect(entry.id == "hygiejne")
        #expect(entry.version == "1.0")
        #expect(try Data(contentsOf: installed) == Data(contentsOf: package))
        let names = try FileManager.default.contentsOfDirectory(atPath: library.folder.path).sorted()
        #expect(names == [".lock", "hygiejne.kursus"])
        let listed = try library.entries()
        #expect(listed.map(\.id) == ["hygiejne"])
        #expect(listed.first?.title == "Håndhygiejne")
        #expect(listed.first?.language == "da")
        #expect(listed.first?.signedBy == nil)
        #expect(listed.first?.problem == nil)
    }

    @Test("a newer version replaces the old; an older one is refused naming both versions, unless forced")
    func versions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let library = CourseLibrary(folder: folder.file("library"))
        let v19 = try LibraryFixtures.package(in: folder, version: "1.9")
        let v110 = try LibraryFixtures.package(in: folder, version: "1.10")
        _ = try library.install(v19, shownAs: "v19", trust: .permissive)
        let update = try library.install(v110, shownAs: "v110", trust: .permissive)
        #expect(update == .updated(library.entry(for: "hygiejne") ?? update.entry, previous: "1.9"))
        #expect(library.entry(for: "hygiejne")?.version == "1.10")
        #expect(throws: LibraryError.olderVersion(id: "hygiejne", installed: "1.10", offered: "1.9")) {
            try library.install(v19, shownAs: "v19", trust: .permissive)
        }
        #expect(
            LibraryError.olderVersion(id: "hygiejne", installed: "1.10", offered: "1.9").description
                == "course 'hygiejne' version 1.10 is installed, which is newer than version 1.9 in this package; nothing was changed (use --force to install the older version anyway)"
        )
        #expect(try Data(contentsOf: folder.file("library/hygiejne.kursus")) == Data(contentsOf: v110))
        let forced = try library.install(v19, shownAs: "v19", trust: .permissive, force: true)
        #expect(forced == .forced(forced.entry, previous: "1.10"))
        #expect(try Data(contentsOf: folder.file("library/hygiejne.kursus")) == Data(contentsOf: v19))
    }

    @Test("the same package again changes nothing; the same version with other content is refused unless forced")
    func sameVersion() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let library = CourseLibrary(folder: folder.file("library"))
        let first = try LibraryFixtures.package(in: folder, version: "2.0", name: "first")
        let again = try LibraryFixtures.package(in: folder, version: "2.0", name: "again")
        let changed = try LibraryFixtures.package(in: folder, version: "2.0", lessonText: "Vask hænderne grundigt.", name: "changed")
        _ = try library.install(first, shownAs: "first", trust: .permissive)
        let unchanged = try library.install(again, shownAs: "again", trust: .permissive)
        guard case .unchanged = unchanged else {
            Issue.record("the same bytes packed again should change nothing, got \(unchanged)")
            return
        }
        #expect(throws: LibraryError.sameVersionDiffers(id: "hygiejne", version: "2.0")) {
            try library.install(changed, shownAs: "changed", trust: .permissive)
        }
        #expect(try Data(contentsOf: folder.file("library/hygiejne.kursus")) == Data(contentsOf: first))
        _ = try library.install(changed, shownAs: "changed", trust: .permissive, force: true)
        #expect(try Data(contentsOf: folder.file("library/hygiejne.kursus")) == Data(contentsOf: changed))
    }

    @Test("the same course signed later replaces the unsigned copy; a required signature refuses an unsigned package")
    func signatures() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let library = CourseLibrary(folder: folder.file("library"))
        let key = PackageSigningKey.generate()
        let unsigned = try LibraryFixtures.package(in: folder, version: "1.0", name: "unsigned")
        let signed = try LibraryFixtures.package(in: folder, version: "1.0", name: "signed", signingKey: key)
        let strict = PackageTrust(requireSignature: true, trustedKeys: [key.publicKey], source: "/etc/kursus/config.yaml")
        #expect(throws: LibraryError.self) { try library.install(unsigned, shownAs: "unsigned.kursus", trust: strict) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("library/hygiejne.kursus").path))
        _ = try library.install(unsigned, shownAs: "unsigned.kursus", trust: .permissive)
        let repacked = try library.install(signed, shownAs: "signed.kursus", trust: strict)
        guard case .repacked(let entry) = repacked else {
            Issue.record("expected the signed copy to replace the unsigned one, got \(repacked)")
            return
        }
        #expect(entry.signedBy == key.publicKey.fingerprint)
        #expect(library.entry(for: "hygiejne")?.signedBy == key.publicKey.fingerprint)
    }

    @Test("a package whose content does not match its manifest is refused, and the library keeps the old version")
    func corruptPackage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let library = CourseLibrary(folder: folder.file("library"))
        let v1 = try LibraryFixtures.package(in: folder, version: "1.0")
        _ = try library.install(v1, shownAs: "v1", trust: .permissive)
        // A stored file whose bytes were changed after packing (same length, other text).
        let v2 = try LibraryFixtures.package(in: folder, version: "2.0", storedFile: "QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ")
        var bytes = try Data(contentsOf: v2)
        let range = try #require(bytes.range(of: Data("QQQQQQQQ".utf8)))
        bytes.replaceSubrange(range, with: Data("ZZZZZZZZ".utf8))
        try bytes.write(to: v2)
        do {
            _ = try library.install(v2, shownAs: "v2.kursus", trust: .permissive)
            Issue.record("a changed package was installed")
        } catch {
            guard case .packageRefused(let path, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == "v2.kursus")
        }
        #expect(library.entry(for: "hygiejne")?.version == "1.0")
    }

    @Test("a course folder is refused with the pack command to run")
    func folderRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let library = CourseLibrary(folder: folder.file("library"))
        #expect(throws: LibraryError.self) { try library.install(folder.url, shownAs: "kursusmappe", trust: .permissive) }
        do {
            _ = try library.install(folder.url, shownAs: "kursusmappe", trust: .permissive)
        } catch {
            #expect(error.description.contains("kursus pack kursusmappe -o FILE.kursus"))
        }
    }

    @Test("a crash mid-install: a leftover temporary file is ignored by listings and removed by the next install")
    func crashLeftovers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let library = CourseLibrary(folder: folder.file("library"))
        let v1 = try LibraryFixtures.package(in: folder, version: "1.0")
        _ = try library.install(v1, shownAs: "v1", trust: .permissive)
        // What a crash during the copy of version 2 leaves: half of the new file under the
        // temporary name, the old package untouched.
        let v2 = try LibraryFixtures.package(in: folder, version: "2.0")
        let half = try Data(contentsOf: v2).prefix(200)
        let temporary = folder.file("library/.installing-4242-hygiejne.kursus")
        try half.write(to: temporary)
        #expect(try library.entries().map(\.version) == ["1.0"])
        #expect(try library.entries().allSatisfy { $0.problem == nil })
        _ = try library.install(v2, shownAs: "v2", trust: .permissive)
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(try library.entries().map(\.version) == ["2.0"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: library.folder.path).sorted() == [".lock", "hygiejne.kursus"])
    }

    @Test("a damaged file in the library is listed with the reason, and the others still are; installing repairs it")
    func damagedListing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let library = CourseLibrary(folder: folder.file("library"))
        let hygiene = try LibraryFixtures.package(in: folder, version: "1.0")
        let other = try LibraryFixtures.package(in: folder, id: "journal", title: "Journalen", version: "3")
        _ = try library.install(other, shownAs: "journal", trust: .permissive)
        // A half-written package under the final name (copied in by hand and cut short).
        try Data(contentsOf: hygiene).prefix(300).write(to: folder.file("library/hygiejne.kursus"))
        try Data("not a zip".utf8).write(to: folder.file("library/noter.kursus"))
        let listed = try library.entries()
        #expect(listed.map(\.id) == ["hygiejne", "journal", "noter"])
        #expect(listed[0].problem != nil)
        #expect(listed[1].problem == nil)
        #expect(listed[1].title == "Journalen")
        #expect(listed[2].problem != nil)
        let repaired = try library.install(hygiene, shownAs: "hygiejne", trust: .permissive)
        guard case .repaired = repaired else {
            Issue.record("expected the damaged file to be replaced, got \(repaired)")
            return
        }
        #expect(library.entry(for: "hygiejne")?.problem == nil)
    }

    @Test("a package file named after another course is listed as damaged")
    func wrongName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let library = CourseLibrary(folder: folder.file("library"))
        let package = try LibraryFixtures.package(in: folder, version: "1.0")
        try FileManager.default.createDirectory(at: library.folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: package, to: folder.file("library/journal.kursus"))
        let entry = try library.entries().first
        #expect(entry?.id == "journal")
        #expect(entry?.problem == "holds course 'hygiejne', not 'journal'; install that package again with 'kursus install'")
    }

    @Test("uninstalling removes the file; an unknown id says how to list the library")
    func uninstall() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let library = CourseLibrary(folder: folder.file("library"))
        _ = try library.install(try LibraryFixtures.package(in: folder, version: "1.0"), shownAs: "v1", trust: .permissive)
        let removed = try library.uninstall("hygiejne")
        #expect(removed.lastPathComponent == "hygiejne.kursus")
        #expect(try library.entries().isEmpty)
        #expect(throws: LibraryError.notInstalled(id: "hygiejne", library: library.folder.path)) { try library.uninstall("hygiejne") }
        #expect(throws: LibraryError.notInstalled(id: "../etc", library: library.folder.path)) { try library.uninstall("../etc") }
    }

    @Test("a missing library folder is an empty library")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try CourseLibrary(folder: folder.file("nowhere")).entries().isEmpty)
    }

    @Test("system and user library: the newer version wins, the system library on a tie; damaged files are set apart")
    func shelf() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let system = CourseLibrary(folder: folder.file("system"))
        let user = CourseLibrary(folder: folder.file("user"))
        _ = try system.install(try LibraryFixtures.package(in: folder, version: "1.2"), shownAs: "a", trust: .permissive)
        _ = try user.install(try LibraryFixtures.package(in: folder, version: "1.10"), shownAs: "b", trust: .permissive)
        _ = try system.install(
            try LibraryFixtures.package(in: folder, id: "journal", title: "Journalen", version: "3"), shownAs: "c", trust: .permissive)
        _ = try user.install(
            try LibraryFixtures.package(in: folder, id: "journal", title: "Journalen", version: "3.0"), shownAs: "d", trust: .permissive)
        try Data("x".utf8).write(to: folder.file("user/kaput.kursus"))
        let (courses, damaged) = LibraryShelf(libraries: [system, user], trust: .permissive).courses()
        #expect(courses.map(\.title) == ["Håndhygiejne", "Journalen"])
        #expect(courses[0].path == user.file(for: "hygiejne"))
        #expect(courses[1].path == system.file(for: "journal"))
        #expect(damaged.map(\.id) == ["kaput"])
        let package = try LibraryShelf(libraries: [system, user], trust: .permissive).open(courses[0])
        #expect(package.course.version == "1.10")
        #expect(LibraryShelf.catalogueCourse(package.course).requiredUnits == ["vask", "sprit"])
    }
}
