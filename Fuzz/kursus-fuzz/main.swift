// The libFuzzer driver for every target in KursusFuzzTargets, built only by the fuzz build
// (scripts/fuzz.sh: KURSUS_FUZZ=1, -sanitize=fuzzer,address, lld). SwiftPM cannot link an
// executable built with -sanitize=fuzzer (it renames `main`), so this file keeps its own
// `main` and hands control to libFuzzer through LLVMFuzzerRunDriver.
//
//   KURSUS_FUZZ_TARGET=lesson kursus-fuzz [libFuzzer options] CORPUS...
//   kursus-fuzz --list      the targets, one a line
import Foundation
import KursusFuzzTargets

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

if CommandLine.arguments.dropFirst().first == "--list" {
    for target in FuzzTargets.all { print("\(target.name)\t\(target.summary)") }
    exit(0)
}
let name = ProcessInfo.processInfo.environment["KURSUS_FUZZ_TARGET"] ?? ""
guard let target = FuzzTargets.target(named: name) else {
    let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("kursus-fuzz: set KURSUS_FUZZ_TARGET to one of: \(names)\n".utf8))
    exit(2)
}
// The callback is a C function pointer and cannot capture; it finds the target here.
nonisolated(unsafe) let selected = target.run

// One run before the fuzzer's clock starts: the targets' lazily made globals (the bundled
// course the progress target plays against takes over a second to load under the
// sanitizers) are made here, not in the first timed input.
_ = target.run(Data())

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(
    runDriver(&argc, &argv) { bytes, count in
        let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
        _ = selected(data)
        return 0
    })
