import Foundation

/// A value worked out on another thread while the caller goes on: the package loader
/// reads the fingerprint cache (a large course's cache is hundreds of kilobytes of
/// lines to check) while it parses course.yaml, which does not need it. `value` waits
/// for the work to finish. On a one-processor machine the work runs at once, in `init`.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled; read only after waiting.
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else {
            result = work()
            done.signal()
            return
        }
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, once the work is done (the semaphore orders the write before the
    /// read). Never nil in practice: the worker writes before it signals.
    var value: Value? {
        done.wait()
        defer { done.signal() }  // so that a later read does not wait forever
        return result
    }
}
