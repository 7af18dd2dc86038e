import Foundation
import Testing

@testable import KursusPackages

/// Every refusal of `PackageArchive.open`, each with a real hostile archive written byte
/// by byte (`RawZip`), and the message that names the archive and the entry.
@Suite struct HostileArchiveTests {
    let lesson = ("lektioner/en.md", Data("# Hej\n".utf8))

    @Test func aWellFormedRawArchiveOpens() throws {
        // The baseline every hostile case below departs from by one thing.
        #expect(try Fixtures.openError(Fixtures.archive([lesson])) == nil)
        #expect(try Fixtures.openError(Fixtures.archive([lesson], deflate: true)) == nil)
    }

    @Test func zipSlipIsRefused() throws {
        let evil = ("../../home/evil.sh", Data("rm -rf ~\n".utf8))
        let error = try Fixtures.openError(Fixtures.archive([lesson, evil]))
        guard case .unsafePath(_, let entry, let reason)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(entry == "../../home/evil.sh")
        #expect(reason.contains("'..' leads outside"))
        #expect(error?.description.hasPrefix("hostile.kursus: entry '../../home/evil.sh' is refused") == true)
    }

    @Test func aDotDotInsideTheNameIsRefusedToo() throws {
        // Stays inside after normalising, but is not written as a plain path.
        let error = try Fixtures.openError(Fixtures.archive([lesson, ("lektioner/../x.md", Data("x".utf8))]))
        guard case .unsafePath(_, "lektioner/../x.md", _)? = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func absolutePathsAreRefused() throws {
        let error = try Fixtures.openError(Fixtures.archive([lesson, ("/etc/cron.d/evil", Data("x".utf8))]))
        guard case .unsafePath(_, "/etc/cron.d/evil", let reason)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason.contains("absolute"))
        let windows = try Fixtures.openError(Fixtures.archive([lesson, ("C:\\Windows\\evil", Data("x".utf8))]))
        guard case .unsafePath(_, "C:\\Windows\\evil", _)? = windows else { Issue.record("got \(String(describing: windows))"); return }
    }

    @Test func symbolicLinkEntriesAreRefused() throws {
        var zip = Fixtures.archive([lesson, ("lektioner/link.md", Data("/etc/passwd".utf8))])
        zip.entries[2].unixMode = 0o120777
        let error = try Fixtures.openError(zip)
        #expect(error == .symbolicLink(archive: "hostile.kursus", entry: "lektioner/link.md"))
        #expect(error?.description.contains("is a symbolic link") == true)
    }

    @Test func duplicateNamesAreRefused() throws {
        var zip = Fixtures.archive([lesson])
        zip.entries.append(RawZip.Entry("lektioner/en.md", "# Anden udgave\n"))
        #expect(try Fixtures.openError(zip) == .duplicateEntry(archive: "hostile.kursus", entry: "lektioner/en.md"))
    }

    @Test func namesThatCollideWhenCaseIsIgnoredAreRefused() throws {
        let error = try Fixtures.openError(Fixtures.archive([lesson, ("Lektioner/EN.md", Data("x".utf8))]))
        #expect(error == .collidingNames(archive: "hostile.kursus", entry: "Lektioner/EN.md", other: "lektioner/en.md"))
        // The same name in composed and decomposed Unicode (é) collides too.
        let composed = ("lektioner/caf\u{E9}.md", Data("a".utf8))
        let decomposed = ("lektioner/cafe\u{301}.md", Data("b".utf8))
        guard case .collidingNames? = try Fixtures.openError(Fixtures.archive([lesson, composed, decomposed])) else {
            Issue.record("NFC/NFD names were not refused")
            return
        }
    }

    @Test func aFileThatIsAlsoAFolderIsRefused() throws {
        let error = try Fixtures.openError(Fixtures.archive([("lektioner", Data("x".utf8)), lesson]))
        guard case .collidingNames(_, "lektioner", "lektioner/en.md")? = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func namesThatAreNotUTF8AreRefused() throws {
        // Marked UTF-8 (flag bit 11) but not: 0xFF is never UTF-8.
        var marked = Fixtures.archive([lesson])
        marked.entries.append(RawZip.Entry(rawName: Array("lektioner/".utf8) + [0xFF, 0x2E, 0x6D, 0x64], Data("x".utf8)))
        guard case .nameNotUTF8(_, let shown)? = try Fixtures.openError(marked) else { Issue.record("invalid UTF-8 name opened"); return }
        #expect(shown == "lektioner/\u{FFFD}.md")
        // Not marked UTF-8, with a byte other tools read as CP437 ("ü" is 0x81 there):
        // ZIPFoundation would decode it as "ü"; Kursus refuses it.
        var cp437 = Fixtures.archive([lesson])
        var entry = RawZip.Entry(rawName: Array("lektioner/".utf8) + [0x81, 0x2E, 0x6D, 0x64], Data("x".utf8))
        entry.flags = 0
        cp437.entries.append(entry)
        guard case .nameNotUTF8? = try Fixtures.openError(cp437) else { Issue.record("a CP437 name opened"); return }
    }

    @Test func plainASCIINamesWithoutTheUTF8FlagOpen() throws {
        var zip = Fixtures.archive([lesson])
        for index in zip.entries.indices { zip.entries[index].flags = 0 }
        #expect(try Fixtures.openError(zip) == nil)
    }

    @Test func encryptedEntriesAreRefused() throws {
        var zip = Fixtures.archive([lesson])
        zip.entries[1].flags |= 0x0001
        #expect(try Fixtures.openError(zip) == .encrypted(archive: "hostile.kursus", entry: "lektioner/en.md"))
    }

    @Test func otherCompressionMethodsAreRefused() throws {
        var zip = Fixtures.archive([lesson])
        zip.entries[1].method = 12  // bzip2
        #expect(try Fixtures.openError(zip) == .unsupportedCompression(archive: "hostile.kursus", entry: "lektioner/en.md", method: 12))
    }

    @Test func tooManyEntriesAreRefusedBeforeTheDirectoryIsRead() throws {
        let files = (0...10_000).map { ("f/\($0).md", Data()) }
        let zip = RawZip(files.map { RawZip.Entry($0.0, $0.1) })
        #expect(try Fixtures.openError(zip) == .tooManyEntries(archive: "hostile.kursus", count: 10_001, limit: 10_000))
    }

    @Test func aTotalDeclaredSizeOverTheLimitIsRefused() throws {
        // Three entries that each claim 200 MiB (the ratio check is kept out of the way
        // so that the total is what refuses them).
        var zip = Fixtures.archive([lesson])
        for number in 0..<3 {
            var entry = RawZip.Entry("fyld/\(number).bin", Data(count: 16))
            entry.declaredSize = 200 << 20
            zip.entries.append(entry)
        }
        var limits = PackageLimits.standard
        limits.maximumRatio = Int.max
        let error = try Fixtures.openError(zip, limits: limits)
        // The total includes the manifest and the lesson: a few hundred bytes over 600 MiB.
        guard case .tooLarge("hostile.kursus", let size, 512 << 20)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(size > 600 << 20 && size < (600 << 20) + 1024)
        #expect(error?.description == "hostile.kursus: unpacks to 600 MiB; the limit is 512 MiB (a zip bomb, or not a course package)")
    }

    @Test func aHighCompressionRatioIsRefused() throws {
        // 10 MiB of zeros deflates to about 10 KiB: a ratio of about 1,000:1.
        let zeros = ("fyld/nuller.bin", Data(count: 10 << 20))
        let error = try Fixtures.openError(Fixtures.archive([lesson, zeros], deflate: true))
        guard case .compressionRatio(_, "fyld/nuller.bin", let ratio, 200)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(ratio > 900)
    }

    @Test func inflatingStopsAtTheDeclaredSize() throws {
        // The entry claims 1,000 bytes but inflates to 1 MiB; the index checks pass
        // (ratio about 1:1), so only the inflater can catch it.
        let bomb = Data(count: 1 << 20)
        var zip = Fixtures.archive([lesson, ("fyld/bombe.bin", Data(count: 1_000))], deflate: true)
        zip.entries[2].data = bomb
        zip.entries[2].declaredSize = 1_000
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try zip.write(to: folder.file("bomb.kursus"))
        let archive = try PackageArchive.open(folder.file("bomb.kursus"), shownAs: "bomb.kursus")
        #expect(
            throws: PackageArchiveError.corrupt(
                archive: "bomb.kursus", detail: "entry 'fyld/bombe.bin' unpacks to more than the 1000 bytes it declares (a zip bomb?)")
        ) {
            try archive.read("fyld/bombe.bin", limit: 1 << 20)
        }
    }
}
