import KursusEngine
import Crypto
import _CryptoExtras
import Foundation

/// Turns a PIN into a `PINRecord` and checks a PIN against one: PBKDF2-HMAC-SHA256 with a
/// 16-byte random salt, compared in constant time. The PIN is never stored or logged.
///
/// A 4-digit PIN has only 10,000 values, so the hash alone cannot protect it from someone
/// who copies the file; the work factor slows guessing at the keyboard and the rate limit
/// in `PINLockout` does the rest. The folder and file permissions keep other accounts out.
public struct PINHasher: Sendable {
    /// 80-115 ms per check in a release build on the AMD EPYC build machine; raising it
    /// only affects PINs set afterwards, because each record stores its own count.
    public static let defaultIterations = 400_000
    public static let saltByteCount = 16
    public static let hashByteCount = 32
    /// Iteration counts accepted from a stored record: a damaged or hostile file can
    /// neither make the check trivial nor hang the program.
    public static let acceptedIterations = 1_000...10_000_000
    public static let pinLengths = TextLimits.pinMinimum...TextLimits.pin

    public var iterations: Int
    /// Called once per key derivation; tests use it to see that a lockout skips the KDF.
    var onKeyDerivation: (@Sendable () -> Void)?

    public init(iterations: Int = Self.defaultIterations) {
        self.iterations = iterations
    }

    /// Checks that `pin` is 4 to 8 ASCII digits. The error never repeats the PIN.
    public static func validate(_ pin: String) throws(LearnerError) {
        let bytes = Array(pin.utf8)
        guard bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalidPIN(reason: "must contain only the digits 0-9")
        }
        guard pinLengths.contains(bytes.count) else {
            throw .invalidPIN(reason: "must be \(pinLengths.lowerBound) to \(pinLengths.upperBound) digits long")
        }
    }

    /// A new record for `pin` with a fresh random salt, so the same PIN never gives the
    /// same hash twice.
    public func record(for pin: String) throws(LearnerError) -> PINRecord {
        try recordAndKey(for: pin).record
    }

    /// A new record for `pin` and the data key the PIN gives, from one key derivation.
    func recordAndKey(for pin: String) throws(LearnerError) -> (record: PINRecord, key: LearnerKey) {
        try Self.validate(pin)
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        guard let master = derive(pin, salt: salt, iterations: iterations) else {
            throw .invalidPIN(reason: "could not be hashed (iterations: \(iterations))")
        }
        // The stored hash is the HKDF verifier, never the PBKDF2 output the data key comes from.
        let record = PINRecord(
            iterations: iterations, salt: Data(salt).base64EncodedString(),
            hash: Data(LearnerKey.verifier(master: master)).base64EncodedString(), derivation: LearnerKey.derivation)
        return (record, LearnerKey(master: master))
    }

    /// The learner's data key when `pin` is right and `record` is one that derives a key
    /// (`derivation` set: every PIN set by this version); nil for a wrong PIN or an
    /// older record. One key derivation, as `matches`.
    public func unlock(_ pin: String, record: PINRecord, path: String) throws(LearnerError) -> LearnerKey? {
        let (matched, key) = try check(pin, record: record, path: path)
        return matched ? key : nil
    }

    /// Whether `pin` is the one `record` was made from. `path` names the profile in errors
    /// about a record this version cannot check.
    public func matches(_ pin: String, record: PINRecord, path: String) throws(LearnerError) -> Bool {
        try check(pin, record: record, path: path).matches
    }

    /// Whether `pin` matches, and the data key it gives when the record derives one.
    func check(_ pin: String, record: PINRecord, path: String) throws(LearnerError) -> (matches: Bool, key: LearnerKey?) {
        guard record.derivation == nil || record.derivation == LearnerKey.derivation else {
            throw .corrupt(path: path, reason: "unknown PIN derivation '\(LearnerError.printable(record.derivation ?? ""))'")
        }
        let salt: [UInt8], expected: [UInt8]
        switch record.decoded(subject: "PIN ") {
        case .success(let decoded): (salt, expected) = decoded
        case .failure(let damage): throw .corrupt(path: path, reason: damage.text)
        }
        // A PIN of the wrong form cannot match; it still costs a derivation so that the
        // time taken does not tell what was wrong with it.
        let candidate = (try? Self.validate(pin)) == nil ? "" : pin
        guard let master = derive(candidate, salt: salt, iterations: record.iterations) else {
            throw .corrupt(path: path, reason: "the PIN could not be checked")
        }
        guard record.derivation != nil else {
            return (Self.constantTimeEqual(master, expected) && !candidate.isEmpty, nil)
        }
        let matched = Self.constantTimeEqual(LearnerKey.verifier(master: master), expected) && !candidate.isEmpty
        return (matched, matched ? LearnerKey(master: master) : nil)
    }

    func derive(_ pin: String, salt: [UInt8], iterations: Int) -> [UInt8]? {
        derive(bytes: Array(pin.utf8), salt: salt, iterations: iterations)
    }

    /// PBKDF2 of any secret's bytes (a PIN's digits or a passphrase's UTF-8).
    func derive(bytes: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8]? {
        onKeyDerivation?()
        let key = try? KDF.Insecure.PBKDF2.deriveKey(
            from: bytes, salt: salt, using: .sha256,
            outputByteCount: Self.hashByteCount, unsafeUncheckedRounds: iterations
        )
        return key?.withUnsafeBytes { Array($0) }
    }

    /// Compares every byte whatever the first difference, so timing tells nothing.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
