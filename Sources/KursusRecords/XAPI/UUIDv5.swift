import Crypto
import Foundation

/// Name-based UUIDs, version 5 (SHA-1; RFC 4122 §4.3, RFC 9562 §5.5): the same namespace
/// and name always give the same UUID, so a statement made again from the same event
/// gets the same id. Written in lowercase, as xAPI recommends for case-insensitive data.
public enum UUIDv5 {
    /// The Kursus namespace (a random version 4 UUID chosen once, docs/records.md). Every
    /// statement id and registration Kursus makes is a name in it.
    public static let kursusNamespace = UUID(
        uuid: (
            0x49, 0x45, 0x30, 0xD2, 0xE9, 0x27, 0x43, 0x4C, 0xA6, 0x72, 0xD3, 0x3B, 0xD9, 0x86, 0x1D, 0xCF
        ))

    /// RFC 4122 Appendix C: the namespace for fully qualified domain names.
    public static let dnsNamespace = UUID(
        uuid: (
            0x6B, 0xA7, 0xB8, 0x10, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8
        ))

    /// RFC 4122 Appendix C: the namespace for URLs.
    public static let urlNamespace = UUID(
        uuid: (
            0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8
        ))

    /// The UUID for `name` (its UTF-8 bytes) in `namespace`.
    public static func make(namespace: UUID, name: String) -> UUID {
        var input = withUnsafeBytes(of: namespace.uuid) { Data($0) }
        input.append(contentsOf: Array(name.utf8))
        var bytes = Array(Insecure.SHA1.hash(data: input).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // the RFC 4122 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// The lowercase standard string form of `make(namespace:name:)`.
    public static func string(namespace: UUID = kursusNamespace, name: String) -> String {
        make(namespace: namespace, name: name).uuidString.lowercased()
    }
}
