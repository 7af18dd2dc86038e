import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Talks xAPI 1.0.3 to one Learning Record Store: HTTP basic authentication,
/// `X-Experience-API-Version: 1.0.3`, JSON bodies, TLS verified by URLSession as it
/// always does. Calls block until the LRS answers (this is a command-line tool).
///
/// Statements are sent as the exact bytes they were recorded with: a batch body is the
/// given JSON values joined with commas inside brackets, never decoded and encoded
/// again, so a statement has one content however often it is sent.
public final class LRSClient: Sendable {
    public static let xAPIVersion = "1.0.3"

    /// Bounds on what Kursus reads from an LRS, so a hostile or broken server cannot
    /// exhaust memory or keep a sync going for ever.
    public struct Limits: Hashable, Sendable {
        /// Largest answer read; a larger one is an error.
        public var maximumResponseBytes: Int
        /// Most pages followed through `more` in one `statements` call.
        public var maximumPages: Int

        public init(maximumResponseBytes: Int = 16 << 20, maximumPages: Int = 1000) {
            self.maximumResponseBytes = max(1024, maximumResponseBytes)
            self.maximumPages = max(1, maximumPages)
        }
    }

    /// What a POST of statements achieved.
    public struct StoreResult: Hashable, Sendable {
        /// 200 (stored) or 204 (Ralph: every statement was already held with the same content).
        public var status: Int
        /// The ids the LRS says it stored now (the body of a 200). Any other id in the
        /// batch it already held with the same content. nil when it listed none (204).
        public var storedIDs: [String]?

        public init(status: Int, storedIDs: [String]?) {
            self.status = status
            self.storedIDs = storedIDs
        }
    }

    public let address: LRSAddress
    public let limits: Limits
    private let credentials: LRSCredentials
    private let transport: LRSTransport

    /// `timeout`: seconds without progress before a request fails.
    public init(address: LRSAddress, credentials: LRSCredentials, timeout: TimeInterval = 30, limits: Limits = Limits()) {
        self.address = address
        self.credentials = credentials
        self.limits = limits
        transport = LRSTransport(timeout: max(1, timeout))
    }

    /// POST /statements with a batch. Throws `LRSError.conflict` (409: an id is held
    /// with other content), `.rejected` (400, 413, 422), `.unauthorized` and the rest.
    public func postStatements(_ statements: [Data]) throws(LRSError) -> StoreResult {
        var body = Data("[".utf8)
        body.reserveCapacity(statements.reduce(2) { $0 + $1.count + 1 })
        for (index, statement) in statements.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(statement)
        }
        body.append(UInt8(ascii: "]"))
        let response = try send("POST", statementsURL(), body: body)
        switch response.status {
        case 200:
            let ids = (try? JSONSerialization.jsonObject(with: response.body)) as? [String]
            return StoreResult(status: 200, storedIDs: ids)
        case 204:
            return StoreResult(status: 204, storedIDs: nil)
        default:
            throw Self.error(for: response)
        }
    }

    /// PUT /statements?statementId=ID with one statement. Returns when the LRS stored it
    /// or already held it with the same content (204); throws as `postStatements`.
    public func putStatement(id: String, json: Data) throws(LRSError) {
        let response = try send("PUT", statementsURL([URLQueryItem(name: "statementId", value: id)]), body: json)
        guard response.status == 204 || response.status == 200 else { throw Self.error(for: response) }
    }

    /// GET /statements, following `more` until the LRS has sent every page, handing each
    /// page to `body` as it arrives (so only one page is in memory at a time).
    public func forEachStatementPage(
        _ query: LRSStatementQuery, _ body: ([LRSFetchedStatement]) throws -> Void
    ) throws {
        var url = try statementsURL(query.queryItems)
        var visited: Set<String> = []
        for _ in 0..<limits.maximumPages {
            visited.insert(url.absoluteString)
            let response = try send("GET", url, body: nil)
            guard response.status == 200 else { throw Self.error(for: response) }
            let page = try LRSStatementResult(json: response.body)
            try body(page.statements)
            guard let more = page.more else { return }
            url = try address.resolveMore(more)
            if visited.contains(url.absoluteString) {
                throw LRSError.invalidResponse(detail: "its 'more' link leads back to a page already read")
            }
        }
        throw LRSError.tooManyPages(limit: limits.maximumPages)
    }

    /// Every statement matching `query`, all pages read (at most `limits.maximumPages`).
    public func statements(_ query: LRSStatementQuery = LRSStatementQuery()) throws(LRSError) -> [LRSFetchedStatement] {
        var all: [LRSFetchedStatement] = []
        do {
            try forEachStatementPage(query) { all.append(contentsOf: $0) }
        } catch let error as LRSError {
            throw error
        } catch {
            throw .invalidResponse(detail: LRSServerText.clean("\(error)"))
        }
        return all
    }

    private func statementsURL(_ query: [URLQueryItem] = []) throws(LRSError) -> URL {
        guard let url = address.statementsURL(query: query) else {
            throw .invalidAddress(address.description, reason: "no statements address can be made from it")
        }
        return url
    }

    private func send(_ method: String, _ url: URL, body: Data?) throws(LRSError) -> LRSTransport.Response {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(credentials.authorizationHeader, forHTTPHeaderField: "Authorization")
        request.setValue(Self.xAPIVersion, forHTTPHeaderField: "X-Experience-API-Version")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = body
        }
        return try transport.send(request, maximumBytes: limits.maximumResponseBytes)
    }

    /// The typed error for a status other than the operation's success.
    static func error(for response: LRSTransport.Response) -> LRSError {
        let detail = LRSServerText.reason(fromBody: response.body)
        switch response.status {
        case 401, 403:
            return .unauthorized(status: response.status, detail: detail)
        case 409:
            return .conflict(detail: detail)
        case 400, 413, 422:
            return .rejected(status: response.status, detail: detail)
        case 429:
            let seconds = response.header("Retry-After").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return .rateLimited(retryAfter: seconds.map { min(max($0, 0), 3600) })
        case 300...399:
            return .redirected(status: response.status, location: LRSServerText.clean(response.header("Location") ?? "", maximumLength: 200))
        case 500...599:
            return .serverError(status: response.status, detail: detail)
        default:
            return .unexpectedStatus(status: response.status, detail: detail)
        }
    }
}
