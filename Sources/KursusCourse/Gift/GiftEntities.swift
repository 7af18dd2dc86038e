/// HTML character references (`&amp;`, `&#230;`, `&#xE6;`, `&aelig;`) as they appear in
/// Moodle's HTML texts. Reading one looks at most `maximumLength` characters ahead, so
/// decoding a whole text stays linear.
enum GiftEntities {
    static let maximumLength = 32

    /// The character a reference at `index` (which holds `&`) stands for, and how many
    /// scalars it spans; nil when there is no complete, known reference there.
    static func decode(_ scalars: [Unicode.Scalar], at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard index < scalars.count, scalars[index] == "&" else { return nil }
        let limit = min(scalars.count, index + maximumLength)
        var end = index + 1
        while end < limit && scalars[end] != ";" { end += 1 }
        guard end < limit, end > index + 1 else { return nil }
        let body = scalars[(index + 1)..<end]
        let length = end - index + 1
        if body.first == "#" {
            guard let value = numericValue(body.dropFirst()) else { return nil }
            return (safeScalar(value), length)
        }
        var name = ""
        name.unicodeScalars.append(contentsOf: body)
        guard let scalar = named[name] else { return nil }
        return (scalar, length)
    }

    private static func numericValue(_ digits: ArraySlice<Unicode.Scalar>) -> UInt32? {
        var rest = digits
        var radix: UInt32 = 10
        if let first = rest.first, first == "x" || first == "X" {
            radix = 16
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, rest.count <= 8 else { return nil }
        var value: UInt32 = 0
        for scalar in rest {
            guard let digit = Character(scalar).hexDigitValue, UInt32(digit) < radix else { return nil }
            value = value * radix + UInt32(digit)
        }
        return value
    }

    /// Control characters, surrogates and out-of-range values become U+FFFD: a reference
    /// must not smuggle terminal control codes into a learner's screen.
    private static func safeScalar(_ value: UInt32) -> Unicode.Scalar {
        let replacement: Unicode.Scalar = "\u{FFFD}"
        if value == 0x09 || value == 0x0A { return Unicode.Scalar(value) ?? replacement }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return replacement }
        return Unicode.Scalar(value) ?? replacement
    }

    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "aelig": "æ", "AElig": "Æ", "oslash": "ø", "Oslash": "Ø", "aring": "å", "Aring": "Å",
        "auml": "ä", "Auml": "Ä", "ouml": "ö", "Ouml": "Ö", "uuml": "ü", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "Eacute": "É", "egrave": "è", "Egrave": "È", "ecirc": "ê", "aacute": "á",
        "agrave": "à", "acirc": "â", "iacute": "í", "oacute": "ó", "ocirc": "ô", "uacute": "ú",
        "ccedil": "ç", "Ccedil": "Ç", "ntilde": "ñ", "Ntilde": "Ñ", "atilde": "ã", "otilde": "õ",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "times": "×", "divide": "÷", "deg": "°", "plusmn": "±",
        "middot": "·", "bull": "•", "euro": "€", "pound": "£", "cent": "¢", "yen": "¥",
        "sect": "§", "para": "¶", "micro": "µ", "frac12": "½", "frac14": "¼", "frac34": "¾",
        "sup1": "¹", "sup2": "²", "sup3": "³", "le": "≤", "ge": "≥", "ne": "≠", "minus": "−",
        "asymp": "≈", "infin": "∞", "rarr": "→", "larr": "←", "harr": "↔", "uarr": "↑", "darr": "↓",
        "shy": "\u{AD}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "iexcl": "¡", "iquest": "¿", "ordm": "º", "ordf": "ª", "not": "¬", "alpha": "α",
        "beta": "β", "gamma": "γ", "delta": "δ", "mu": "μ", "pi": "π", "sigma": "σ", "Omega": "Ω",
    ]
}
