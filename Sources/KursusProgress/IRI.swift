import Foundation

/// Absolute IRIs (RFC 3987) as xAPI uses them for verb ids, activity ids, activity types,
/// extension keys and account home pages, and the percent-encoding of path segments.
/// It lives here, below `KursusRecords`, because the workstation config checks the IRIs
/// it is given (`records:` in config.yaml) with the same rules the statement validator uses.
public enum IRI {
    /// nil when `text` is an absolute IRI, otherwise what is wrong with it, in words:
    /// a scheme (`https:`) followed by something; no spaces, control characters or the
    /// characters IRIs never hold (`< > " { } | \ ^` and the backquote); `%` only before two
    /// hex digits. With `requireHost`, also `//host` after the scheme (an IRL for a
    /// person to open, such as an account's home page).
    public static func problem(_ text: String, requireHost: Bool = false) -> String? {
        if text.isEmpty { return "is empty" }
        guard let colon = text.firstIndex(of: ":") else { return "has no scheme (such as 'https:')" }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
            scheme.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
            })
        else { return scheme.isEmpty ? "has no scheme (such as 'https:')" : "has no valid scheme before ':' (such as 'https:')" }
        let rest = text[text.index(after: colon)...]
        if rest.isEmpty { return "has nothing after '\(scheme):'" }
        for scalar in text.unicodeScalars {
            if scalar == " " { return "contains a space" }
            if scalar.properties.generalCategory == .control || isInvisibleControl(scalar) || scalar.properties.isWhitespace {
                return "contains a control or invisible character (U+\(String(scalar.value, radix: 16, uppercase: true)))"
            }
            if "<>\"{}|\\^`".unicodeScalars.contains(scalar) { return "contains '\(scalar)', which an IRI may not hold" }
        }
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else {
                return "has a '%' that is not followed by two hex digits"
            }
        }
        if requireHost {
            guard rest.hasPrefix("//") else { return "has no host ('\(scheme)://host/...')" }
            let host = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let name = host.split(separator: "@").last.map(String.init) ?? ""
            if name.isEmpty || name.hasPrefix(":") { return "has no host ('\(scheme)://host/...')" }
        }
        return nil
    }

    public static func isAbsolute(_ text: String) -> Bool { problem(text) == nil }

    /// nil when `text` is an `https://` or `http://` address with a host and neither a
    /// query nor a fragment (something a path can be added to), otherwise what is wrong.
    public static func webAddressProblem(_ text: String) -> String? {
        if let problem = problem(text) { return problem }
        let scheme = text.prefix { $0 != ":" }.lowercased()
        guard scheme == "https" || scheme == "http" else { return "must start with 'https://' or 'http://', not '\(scheme):'" }
        if let problem = problem(text, requireHost: true) { return problem }
        if text.contains("?") { return "has a query ('?…'); give the address without it" }
        if text.contains("#") { return "has a fragment ('#…'); give the address without it" }
        return nil
    }

    /// Bidirectional controls and the line and paragraph separators.
    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A path segment with everything but the unreserved characters of RFC 3986
    /// (`A-Z a-z 0-9 - . _ ~`) percent-encoded as UTF-8, uppercase hex. `.` and `..` alone,
    /// which IRI normalisation would remove, are encoded as `%2E` and `%2E%2E`; the empty
    /// segment stays empty.
    public static func segment(_ text: String) -> String {
        if text == "." || text == ".." { return String(repeating: "%2E", count: text.count) }
        var out = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append(contentsOf: ["%", digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
            }
        }
        return out
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    static func isHex(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }
}
