import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange, synchronously, over a URLSession that keeps its connections open
/// between requests. It never follows a redirect (the `Authorization` header must not
/// travel to another address), stops reading an answer larger than `maximumBytes`, and
/// leaves TLS to URLSession's default verification.
///
/// After a server error or a failed exchange the open connections are dropped: uvicorn
/// (Ralph's server) closes the connection after an unhandled exception's 500 without
/// saying so, and URLSession would otherwise send the next request into it and wait for
/// the whole time-out.
final class LRSTransport: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    private let lock = NSLock()
    private var session: URLSession
    private var delegate: Delegate
    let timeout: TimeInterval

    init(timeout: TimeInterval) {
        self.timeout = timeout
        (session, delegate) = Self.makeSession(timeout: timeout)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    private static func makeSession(timeout: TimeInterval) -> (URLSession, Delegate) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let delegate = Delegate()
        return (URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil), delegate)
    }

    /// Drops the open connections: later requests connect anew.
    private func dropConnections() {
        let old = lock.withLock {
            let old = session
            (session, delegate) = Self.makeSession(timeout: timeout)
            return old
        }
        old.finishTasksAndInvalidate()
    }

    func send(_ request: URLRequest, maximumBytes: Int) throws(LRSError) -> Response {
        let address = LRSServerText.clean(request.url.map(Self.origin) ?? "the LRS", maximumLength: 200)
        do {
            let response = try exchange(request, maximumBytes: maximumBytes, address: address)
            if response.status >= 500 { dropConnections() }
            return response
        } catch {
            dropConnections()
            throw error
        }
    }

    private func exchange(_ request: URLRequest, maximumBytes: Int, address: String) throws(LRSError) -> Response {
        let exchange = Exchange(maximumBytes: maximumBytes)
        let (session, delegate) = lock.withLock { (self.session, self.delegate) }
        let task = session.dataTask(with: request)
        delegate.register(exchange, for: task.taskIdentifier)
        defer { delegate.unregister(task.taskIdentifier) }
        task.resume()
        // URLSession enforces the time-outs; this bound only guards against a lost callback.
        if exchange.done.wait(timeout: .now() + timeout * 4 + 10) == .timedOut {
            task.cancel()
            throw .timedOut(address: address, seconds: Int(timeout))
        }
        return try exchange.result(address: address, timeout: timeout)
    }

    private static func origin(_ url: URL) -> String {
        var components = URLComponents()
        components.scheme = url.scheme
        components.host = url.host
        components.port = url.port
        components.path = url.path
        return components.string ?? url.absoluteString
    }

    /// What one task has received so far.
    private final class Exchange: @unchecked Sendable {
        let maximumBytes: Int
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var response: HTTPURLResponse?
        private var body = Data()
        private var error: Error?
        private var tooLarge = false

        init(maximumBytes: Int) {
            self.maximumBytes = maximumBytes
        }

        /// false when the answer is already too large to read.
        func receive(_ response: URLResponse) -> Bool {
            lock.withLock {
                self.response = response as? HTTPURLResponse
                if response.expectedContentLength > Int64(maximumBytes) { tooLarge = true }
                return !tooLarge
            }
        }

        func receive(_ data: Data) -> Bool {
            lock.withLock {
                guard !tooLarge else { return false }
                if body.count + data.count > maximumBytes {
                    tooLarge = true
                    body = Data()
                    return false
                }
                body.append(data)
                return true
            }
        }

        func finish(_ error: Error?) {
            lock.withLock { self.error = error }
            done.signal()
        }

        func result(address: String, timeout: TimeInterval) throws(LRSError) -> Response {
            let (response, body, error, tooLarge) = lock.withLock { (self.response, self.body, self.error, self.tooLarge) }
            if tooLarge { throw .responseTooLarge(limit: maximumBytes) }
            if let error { throw Self.map(error, address: address, timeout: timeout) }
            guard let response else { throw .invalidResponse(detail: "the answer was not HTTP") }
            var headers: [String: String] = [:]
            for (key, value) in response.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key] = value }
            }
            return Response(status: response.statusCode, headers: headers, body: body)
        }

        private static func map(_ error: Error, address: String, timeout: TimeInterval) -> LRSError {
            guard let urlError = error as? URLError else {
                return .unreachable(address: address, detail: LRSServerText.clean(error.localizedDescription, maximumLength: 160))
            }
            switch urlError.code {
            case .timedOut:
                return .timedOut(address: address, seconds: Int(timeout))
            case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
                .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
                .clientCertificateRequired:
                return .tlsFailure(address: address, detail: LRSServerText.clean(urlError.localizedDescription, maximumLength: 160))
            case .cannotConnectToHost:
                return .unreachable(address: address, detail: "connection refused: nothing answers at that address and port")
            case .cannotFindHost, .dnsLookupFailed:
                return .unreachable(address: address, detail: "the host name is unknown")
            case .notConnectedToInternet:
                return .unreachable(address: address, detail: "this PC has no network connection")
            case .networkConnectionLost:
                return .unreachable(address: address, detail: "the connection broke before the LRS answered")
            default:
                return .unreachable(address: address, detail: LRSServerText.clean(urlError.localizedDescription, maximumLength: 160))
            }
        }
    }

    /// Routes the session's callbacks to the exchange of each task.
    private final class Delegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private let lock = NSLock()
        private var exchanges: [Int: Exchange] = [:]

        func register(_ exchange: Exchange, for task: Int) {
            lock.withLock { exchanges[task] = exchange }
        }

        func unregister(_ task: Int) {
            _ = lock.withLock { exchanges.removeValue(forKey: task) }
        }

        private func exchange(_ task: URLSessionTask) -> Exchange? {
            lock.withLock { exchanges[task.taskIdentifier] }
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            let keepGoing = exchange(dataTask)?.receive(response) ?? false
            completionHandler(keepGoing ? .allow : .cancel)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            if exchange(dataTask)?.receive(data) != true { dataTask.cancel() }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            exchange(task)?.finish(error)
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }
}
