import Foundation
import KursusText

/// The xAPI endpoint of an LRS as its administrator publishes it, such as
/// `https://lrs.example.dk/xAPI/` (Ralph: `http://HOST:PORT/xAPI/`). Written with or
/// without the trailing slash; resources are resolved below it (`statements`).
public struct LRSAddress: Hashable, Sendable, CustomStringConvertible {
    /// The endpoint, always ending in `/`.
    public let baseURL: URL

    /// Checks and normalises `text`: http or https, a host, no user name or password in
    /// it (they belong in the credentials file), no query or fragment.
    public init(_ text: String) throws(LRSError) {
        let shown = TerminalSafe.clean(String(text.prefix(200)))
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalidAddress(shown, reason: "it is empty") }
        guard let components = URLComponents(string: trimmed) else { throw .invalidAddress(shown, reason: "it is not a URL") }
        let scheme = components.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else {
            throw .invalidAddress(shown, reason: "it must start with https:// (or http:// on a trusted network)")
        }
        guard let host = components.host, !host.isEmpty else { throw .invalidAddress(shown, reason: "it names no host") }
        guard components.user == nil, components.password == nil else {
            throw .invalidAddress(
                shown, reason: "it contains a user name or password; put them in the credentials file (\(LRSError.credentialsKey)) instead")
        }
        guard components.query == nil, components.fragment == nil else {
            throw .invalidAddress(shown, reason: "it has a '?' or '#' part; give only the xAPI endpoint")
        }
        var normalised = components
        normalised.scheme = scheme
        if !normalised.path.hasSuffix("/") { normalised.path += "/" }
        guard let url = normalised.url else { throw .invalidAddress(shown, reason: "it is not a URL") }
        baseURL = url
    }

    /// The address as written in messages (terminal-safe).
    public var description: String { TerminalSafe.clean(baseURL.absoluteString) }

    /// `<endpoint>/statements` with `query` (items are percent-encoded here).
    func statementsURL(query: [URLQueryItem] = []) -> URL? {
        guard var components = URLComponents(url: baseURL.appendingPathComponent("statements"), resolvingAgainstBaseURL: false) else {
            return nil
        }
        if !query.isEmpty {
            components.queryItems = query
            // `+` is a space in a form-encoded query; a time zone offset must survive.
            components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        }
        return components.url
    }

    /// A `more` link from a statement result, resolved as xAPI says: relative to the
    /// LRS's origin (scheme, host and port). A link to any other origin is refused, so a
    /// server can never make Kursus send the password elsewhere.
    func resolveMore(_ more: String) throws(LRSError) -> URL {
        guard let origin = URL(string: "/", relativeTo: baseURL),
            let url = URL(string: more, relativeTo: origin)?.absoluteURL
        else {
            throw .invalidResponse(detail: "its 'more' link is not a URL: \(LRSServerText.clean(more, maximumLength: 120))")
        }
        guard url.scheme?.lowercased() == baseURL.scheme?.lowercased(),
            url.host?.lowercased() == baseURL.host?.lowercased(),
            Self.port(of: url) == Self.port(of: baseURL)
        else {
            throw .invalidResponse(detail: "its 'more' link points to another server: \(LRSServerText.clean(more, maximumLength: 120))")
        }
        return url
    }

    private static func port(of url: URL) -> Int? {
        url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
    }
}
