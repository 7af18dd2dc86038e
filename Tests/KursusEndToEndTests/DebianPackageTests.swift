import Foundation
import Testing

/// The Debian package, installed for real with dpkg: runs as root on a Debian system
/// (CI), is skipped with its reason printed elsewhere. `make test` builds the package
/// first and names it in KURSUS_DEB; without that the test builds it itself with
/// scripts/make-deb.sh in a scratch folder of its own (`swift test` holds `.build`).
@Suite(
    "the Debian package: dpkg -i, play from the installed files, dpkg -r", .serialized,
    .enabled(if: DebianPackage.skipReason == nil, Comment(rawValue: DebianPackage.skipReason ?? "")))
struct DebianPackageTests {
    @Test("installs, plays the bundled course from /usr, removes every file it installed")
    func installPlayRemove() throws {
        let deb = try DebianPackage.build()
        let version = try DebianPackage.version()
        #expect(deb.lastPathComponent == "kursus_\(version)_amd64.deb")
        let listing = try DebianPackage.tool("/usr/bin/dpkg-deb", ["--field", deb.path, "Depends"])
        #expect(listing.contains("libncursesw6"), "\(listing)")
        #expect(listing.contains("libcmark-gfm"), "\(listing)")
        #expect(listing.contains("libc6"), "\(listing)")
        #expect(!listing.lowercased().contains("swift"), "the package must not depend on the Swift toolchain: \(listing)")

        defer { _ = try? DebianPackage.tool("/usr/bin/dpkg", ["--purge", "kursus"]) }
        try DebianPackage.tool("/usr/bin/dpkg", ["-i", deb.path])
        let installed = [
            "/usr/bin/kursus", "/usr/share/man/man1/kursus.1.gz", "/usr/share/man/man1/kursus-play.1.gz",
            "/usr/share/bash-completion/completions/kursus", "/usr/share/zsh/vendor-completions/_kursus",
            "/usr/share/fish/vendor_completions.d/kursus.fish", "/usr/share/doc/kursus/copyright",
            "/usr/share/doc/kursus/changelog.Debian.gz",
        ]
        for path in installed { #expect(FileManager.default.fileExists(atPath: path), "\(path) not installed") }
        let owned = try DebianPackage.tool("/usr/bin/dpkg", ["-L", "kursus"]).split(separator: "\n").map(String.init)
        // The maintainer script installed the bundled course into the shared library.
        #expect(FileManager.default.fileExists(atPath: "/var/lib/kursus/library/digital-kompetence.kursus"))
        let courses = try KursusBinary.runTool(URL(fileURLWithPath: "/usr/bin/kursus"), ["courses", "--library", "/var/lib/kursus/library"])
        // The version the bundled course's course.yaml states.
        let manifest = try String(
            contentsOf: KursusBinary.repository.appendingPathComponent("Courses/digital-kompetence/course.yaml"), encoding: .utf8)
        let courseVersion = manifest.split(separator: "\n").first { $0.hasPrefix("version:") }.map {
            $0.dropFirst("version:".count).trimmingCharacters(in: .whitespaces)
        }
        #expect(courseVersion != nil && courses.stdout.contains("digital-kompetence  \(courseVersion ?? "?")"), "\(courses.stdout)\(courses.stderr)")
        #expect(Set(installed).isSubset(of: owned))

        // The binary needs nothing from the toolchain, and knows its version.
        let ldd = try DebianPackage.tool("/usr/bin/ldd", ["/usr/bin/kursus"])
        #expect(!ldd.contains("swift") && !ldd.contains("Foundation") && !ldd.contains("not found"), "\(ldd)")
        let shown = try KursusBinary.runTool(URL(fileURLWithPath: "/usr/bin/kursus"), ["--version"], environment: ["KURSUS_HOME": ""])
        #expect(shown.stdout == "\(version)\n")
        let validate = try KursusBinary.runTool(URL(fileURLWithPath: "/usr/bin/kursus"), ["validate", "--help"])
        #expect(validate.status == 0)

        try playInstalledCourse()

        try DebianPackage.tool("/usr/bin/dpkg", ["-r", "kursus"])
        for path in owned where path.hasPrefix("/usr/share/kursus") || path == "/usr/bin/kursus" || path.hasSuffix(".gz") {
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) left behind by dpkg -r")
        }
        #expect(!FileManager.default.fileExists(atPath: "/var/lib/kursus/library/digital-kompetence.kursus"))
        try DebianPackage.tool("/usr/bin/dpkg", ["--purge", "kursus"])
        #expect(!FileManager.default.fileExists(atPath: "/var/lib/kursus"))
    }

    /// `kursus play` with no package, from a folder outside the repository and without
    /// KURSUS_HOME: the bundled course comes from the installed files.
    func playInstalledCourse() throws {
        let folder = try KursusBinary.temporaryFolder("deb-play")
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = "sh -c " + Tmux.quote("cd \(Tmux.quote(folder.path)) && /usr/bin/kursus play --data-dir data --learner anna --lang da")
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color", "KURSUS_HOME": ""])
        let menu = try tmux.waitFor("Enter åbn")
        #expect(menu.contains("Kursus · Bliv digitalt kompetent"))
        try tmux.send("Down", "Enter")
        // The first lesson of the second module opens (its title is the course's to change).
        try tmux.waitFor("Modul 2 › 2.1 ")
        try tmux.send("q")
        let screen = try tmux.waitFor("KURSUS-EXIT:")
        #expect(screen.contains("KURSUS-EXIT:0"), "\(screen)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/learners/anna/progress/digital-kompetence.json").path))
    }
}
