import Foundation

/// How often and how patiently a sync tries a request again when the LRS cannot be
/// reached, times out, asks to slow down (429) or fails with a server error: a few
/// tries, waiting twice as long before each (`firstDelay`, 2×, 4×, … up to
/// `maximumDelay`, or longer when the LRS's Retry-After asks for it, up to
/// `maximumDelay` too). Tests give short delays or a `sleep` that only records them.
public struct RetryPolicy: Sendable {
    /// Tries in all, the first included (at least 1).
    public var attempts: Int
    public var firstDelay: TimeInterval
    public var maximumDelay: TimeInterval
    /// Waits; `Thread.sleep` unless a test injects another.
    public var sleep: @Sendable (TimeInterval) -> Void

    public init(
        attempts: Int = 4, firstDelay: TimeInterval = 1, maximumDelay: TimeInterval = 16,
        sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        self.attempts = max(1, attempts)
        self.firstDelay = max(0, firstDelay)
        self.maximumDelay = max(self.firstDelay, maximumDelay)
        self.sleep = sleep
    }

    /// 4 tries over about 7 seconds.
    public static let standard = RetryPolicy()

    /// The wait after failed try number `attempt` (1-based).
    public func delay(afterAttempt attempt: Int, retryAfter: Int? = nil) -> TimeInterval {
        let exponent = min(max(attempt - 1, 0), 30)
        let backoff = min(maximumDelay, firstDelay * Double(1 << exponent))
        guard let retryAfter else { return backoff }
        return min(maximumDelay, max(backoff, TimeInterval(retryAfter)))
    }
}
