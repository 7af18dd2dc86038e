import Foundation

/// Why a request to the Learning Record Store did not succeed. Every `description` says
/// what happened and what a trainer or IT should do about it. Text that came from the
/// server (`detail`) has been made terminal-safe and shortened by `LRSServerText`.
public enum LRSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `records.lrs.endpoint` is not an http(s) address Kursus can use.
    case invalidAddress(String, reason: String)
    /// The credentials file could not be used (`path` is empty for credentials given in code).
    case credentialsFile(path: String, problem: String)
    /// 401 (the user name or password is wrong) or 403 (the account may not do this).
    case unauthorized(status: Int, detail: String)
    /// No connection could be made or it broke before an answer came.
    case unreachable(address: String, detail: String)
    /// The LRS did not answer within the time-out.
    case timedOut(address: String, seconds: Int)
    /// The TLS connection failed: the certificate is not trusted, expired or for another host.
    case tlsFailure(address: String, detail: String)
    /// 3xx: Kursus does not follow redirects (they could carry the password elsewhere).
    case redirected(status: Int, location: String)
    /// 409: the LRS holds a statement with the same id and other content.
    case conflict(detail: String)
    /// 400, 413 or 422: the LRS refused the statements as sent.
    case rejected(status: Int, detail: String)
    /// 429: the LRS asks to slow down; `retryAfter` is its Retry-After in seconds.
    case rateLimited(retryAfter: Int?)
    /// 5xx: the LRS failed.
    case serverError(status: Int, detail: String)
    /// Any other status, such as 404 for an address that is not an xAPI endpoint.
    case unexpectedStatus(status: Int, detail: String)
    /// The LRS answered with something that is not what xAPI prescribes.
    case invalidResponse(detail: String)
    /// An answer was larger than Kursus reads (a protection against a hostile server).
    case responseTooLarge(limit: Int)
    /// Reading statements followed more `more` links than Kursus follows.
    case tooManyPages(limit: Int)

    /// The key in the workstation settings that names the LRS's address.
    public static let addressKey = "records.lrs.endpoint"
    /// The key in the workstation settings that names the credentials file.
    public static let credentialsKey = "records.lrs.credentials"

    /// Whether the same request may succeed when tried again a little later.
    public var isTransient: Bool {
        switch self {
        case .unreachable, .timedOut, .rateLimited: true
        case .serverError(let status, _): [500, 502, 503, 504].contains(status)
        default: false
        }
    }

    public var description: String {
        let unchanged = "Kursus marked nothing as sent; run the sync again when this is fixed."
        switch self {
        case let .invalidAddress(address, reason):
            return
                "The LRS address '\(address)' cannot be used: \(reason). Set \(Self.addressKey) to the xAPI endpoint the LRS administrator gave you, such as https://lrs.example.dk/xAPI/."
        case let .credentialsFile("", problem):
            return "The LRS credentials cannot be used: \(problem)."
        case let .credentialsFile(path, problem):
            return
                "The LRS credentials file \(path) cannot be used: \(problem). It is named by \(Self.credentialsKey) and holds two lines, 'username: ...' and 'password: ...'."
        case let .unauthorized(401, detail):
            return
                "The LRS refused the user name or password (HTTP 401\(Self.suffix(detail))). Check the username and password in the credentials file named by \(Self.credentialsKey) against what the LRS administrator gave you. \(unchanged)"
        case let .unauthorized(status, detail):
            return
                "The LRS accepted the login but does not allow this account to do this (HTTP \(status)\(Self.suffix(detail))). Ask the LRS administrator to let it read and write statements, or put another account in the credentials file named by \(Self.credentialsKey). \(unchanged)"
        case let .unreachable(address, detail):
            return
                "The LRS at \(address) could not be reached (\(detail)). Check \(Self.addressKey), the network and that the LRS is running. \(unchanged)"
        case let .timedOut(address, seconds):
            return "The LRS at \(address) did not answer within \(seconds) seconds. It may be overloaded or the network slow. \(unchanged)"
        case let .tlsFailure(address, detail):
            return
                "The secure connection to \(address) failed (\(detail)). The LRS's certificate is not trusted by this PC, has expired, or is for another name; ask IT to fix the certificate or install the organisation's CA certificate. Kursus never sends records over an unverified connection. \(unchanged)"
        case let .redirected(status, location):
            let target = location.isEmpty ? "another address" : location
            return
                "The LRS answered with a redirect (HTTP \(status)) to \(target). Kursus does not follow redirects; set \(Self.addressKey) to the final xAPI address. \(unchanged)"
        case let .conflict(detail):
            return "The LRS already holds a statement with the same id and different content (HTTP 409\(Self.suffix(detail)))."
        case let .rejected(status, detail):
            return "The LRS refused the statement as invalid (HTTP \(status)\(Self.suffix(detail)))."
        case let .rateLimited(retryAfter):
            let wait = retryAfter.map { " and asks to wait \($0) seconds" } ?? ""
            return "The LRS is receiving too many requests (HTTP 429)\(wait). \(unchanged)"
        case let .serverError(status, detail):
            return
                "The LRS failed with a server error (HTTP \(status)\(Self.suffix(detail))). If this repeats, ask the LRS administrator to look at its log. \(unchanged)"
        case let .unexpectedStatus(404, detail):
            return
                "The LRS address has no xAPI statements resource (HTTP 404\(Self.suffix(detail))). Check \(Self.addressKey): it must be the xAPI endpoint, such as https://lrs.example.dk/xAPI/. \(unchanged)"
        case let .unexpectedStatus(status, detail):
            return
                "The LRS answered with HTTP \(status), which Kursus does not expect\(Self.suffix(detail, prefix: ": ")). Check \(Self.addressKey). \(unchanged)"
        case let .invalidResponse(detail):
            return "The LRS sent an answer that is not valid xAPI: \(detail). Check \(Self.addressKey). \(unchanged)"
        case let .responseTooLarge(limit):
            return "The LRS sent an answer larger than \(limit / 1024) KiB; Kursus stopped reading it. \(unchanged)"
        case let .tooManyPages(limit):
            return "The LRS kept sending further pages after \(limit); Kursus stopped reading them."
        }
    }

    private static func suffix(_ detail: String, prefix: String = ": ") -> String {
        detail.isEmpty ? "" : prefix + detail
    }
}
