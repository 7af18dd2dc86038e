import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The last termination signal received (SIGTERM, SIGHUP, SIGINT), or 0. A signal
/// handler may only do async-signal-safe work, so it just records the signal; the
/// runtime's loop sees it within one poll interval, saves and restores the terminal.
private let pendingSignal = Atomic<Int32>(0)

public enum SignalWatcher {
    public static let watched: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]

    public static func install() {
        for signalNumber in watched {
            signal(signalNumber) { received in pendingSignal.store(received, ordering: .relaxed) }
        }
        // A closed terminal makes writes fail with SIGPIPE on some systems; handle it as EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
    }

    /// The signal received since the last call, if any.
    public static func take() -> Int32? {
        let value = pendingSignal.exchange(0, ordering: .relaxed)
        return value == 0 ? nil : value
    }

    public static func restoreDefaults() {
        for signalNumber in watched { signal(signalNumber, SIG_DFL) }
    }
}
