// swift-tools-version:6.0
// Kursus — a terminal course player. Layers, each depending only on those above it:
//   KursusAssets (Assets/ compiled in: UI strings, themes, schemas, portraits)
//   KursusText (display width, terminal-safe text)
//   KursusCourse (course model, package loading, validation)
//   KursusPackages (one-file .kursus course packages: reading, writing, signing, trust)
//   KursusMarkdown (Markdown laid out for a terminal)
//   KursusEngine (pure state machine)
//   KursusProgress (durable progress store, the learner's outbox journal)
//   KursusLibrary (the workstation's course library: install, update, uninstall, list)
//   KursusRecords (xAPI statements, the outbox, LRS sync, transfer files, record stores)
//   KursusReports (`kursus report`: reading records, statistics, the report formats)
//   KursusTerminalUI (cell grid, screens, ncurses backend, runtime)
//   kursus (command line only)
// Tools/: KursusCohort and make-cohort, a generated cohort as learning records (tests, benchmarks).
// C is reached only through the two system-library targets CNcursesw and CCmarkGFM.
import PackageDescription

let package = Package(
    name: "Kursus",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kursus", targets: ["kursus"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "KursusText"),
        // Assets/ (UI strings, themes, schemas, portraits) compiled into the binary; Sources/KursusAssets/Assets links to it.
        .target(name: "KursusAssets", resources: [.embedInCode("Assets")]),
        .target(
            name: "KursusCourse",
            dependencies: [
                "KursusText", "KursusAssets", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "KursusPackages",
            dependencies: [
                "KursusText", "KursusCourse", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "KursusMarkdown", dependencies: ["KursusText", "CCmarkGFM"]),
        .target(name: "KursusEngine", dependencies: ["KursusCourse"]),
        .target(
            name: "KursusProgress",
            dependencies: [
                "KursusCourse", "KursusEngine", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "KursusRecords",
            dependencies: [
                "KursusText", "KursusCourse", "KursusEngine", "KursusProgress", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "KursusTerminalUI",
            dependencies: ["KursusText", "KursusCourse", "KursusMarkdown", "KursusEngine", "KursusProgress", "KursusRecords", "CNcursesw"]
        ),
        // `kursus report`: reading learning records, pure statistics, the report's formats.
        .target(name: "KursusReports", dependencies: ["KursusText", "KursusCourse", "KursusRecords"]),
        // The course library: installed .kursus packages, atomic installs, version order.
        .target(name: "KursusLibrary", dependencies: ["KursusText", "KursusCourse", "KursusPackages", "KursusEngine", "KursusProgress"]),
        // A seeded, realistic cohort as learning records (scripts/make-cohort), for tests, benchmarks and screenshots.
        .target(name: "KursusCohort", dependencies: ["KursusCourse", "KursusEngine", "KursusProgress", "KursusRecords"], path: "Tools/KursusCohort"),
        .executableTarget(
            name: "make-cohort",
            dependencies: ["KursusCohort", "KursusRecords", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/make-cohort"
        ),
        .executableTarget(
            name: "kursus",
            dependencies: [
                "KursusText", "KursusCourse", "KursusPackages", "KursusMarkdown", "KursusEngine", "KursusProgress", "KursusRecords",
                "KursusReports", "KursusLibrary", "KursusTerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KursusTextTests", dependencies: ["KursusText"]),
        .testTarget(name: "KursusCourseTests", dependencies: ["KursusCourse", "KursusAssets"]),
        .testTarget(
            name: "KursusPackagesTests",
            dependencies: [
                "KursusPackages", "KursusCourse", "KursusMarkdown", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "KursusEngineTests", dependencies: ["KursusEngine"]),
        .testTarget(name: "KursusLibraryTests", dependencies: ["KursusLibrary", "KursusPackages", "KursusCourse"]),
        .testTarget(name: "KursusProgressTests", dependencies: ["KursusProgress"]),
        // A real Ralph LRS for the tests that need one (scripts/ralph-lrs.sh starts it).
        .target(name: "KursusTestSupport", dependencies: ["KursusRecords"], path: "Tests/KursusTestSupport"),
        .testTarget(name: "KursusRecordsTests", dependencies: ["KursusRecords", "KursusTestSupport"]),
        .testTarget(name: "KursusTerminalUITests", dependencies: ["KursusTerminalUI"], exclude: ["Golden"]),
        .testTarget(
            name: "KursusEndToEndTests",
            dependencies: [
                "kursus", "KursusText", "KursusTestSupport", "KursusCohort", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(name: "KursusReportsTests", dependencies: ["KursusReports", "KursusTestSupport", "KursusCohort"], exclude: ["Golden"]),
        .testTarget(name: "KursusCohortTests", dependencies: ["KursusCohort"]),
        .testTarget(name: "KursusMarkdownTests", dependencies: ["KursusMarkdown"], resources: [.copy("Golden")]),
        // Fuzz/: the bodies of the libFuzzer targets (docs/reliability.md), in the normal build so
        // that KursusFuzzReplayTests replays every saved input (Fuzz/Corpus, Fuzz/Regressions).
        .target(
            name: "KursusFuzzTargets",
            dependencies: ["KursusText", "KursusCourse", "KursusMarkdown", "KursusEngine", "KursusProgress", "KursusRecords"],
            path: "Fuzz/KursusFuzzTargets"
        ),
        .testTarget(name: "KursusFuzzReplayTests", dependencies: ["KursusFuzzTargets"], path: "Tests/KursusFuzzReplayTests"),
    ]
)

// The libFuzzer driver exists only in the fuzz build (`make fuzz`, scripts/fuzz.sh, with
// KURSUS_FUZZ=1): the normal build has no libFuzzer to link it with.
if Context.environment["KURSUS_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "kursus-fuzz", dependencies: ["KursusFuzzTargets"], path: "Fuzz/kursus-fuzz"))
}
