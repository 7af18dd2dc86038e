import Testing

@testable import KursusMarkdown

/// Link labels are normalised as cmark-gfm matches them; ASCII labels take a byte path
/// that must give exactly what the general (Character) path gives.
@Suite("Link definition labels")
struct LinkDefinitionTests {
    static let labels = [
        "", " ", "a", "A", "Vejledning", "  Vejledningen  for\nSygeplejersker  ", "\tTab\tand\nnewline\n",
        "MiXeD 123 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "ends with space ", " starts with space", "two  spaces",
        "CRLF\r\ninside", "lone\rreturn", "Ældre   Borgere", "ÆØÅ æøå", "straße", "İstanbul", "ΣΊΣΥΦΟΣ", "e\u{301}cole",
        "中文 标签", "emoji 👩🏽‍⚕️ label", "a\u{0}b", "x\u{7F}y", "\u{200B}zero width",
    ]

    private func normalized(_ text: String, scratch: inout [UInt8]) -> String {
        var source = text
        return source.withUTF8 { LinkDefinition.normalized($0, scratch: &scratch) }
    }

    @Test("the byte path equals the Character path on ASCII, non-ASCII, wide, combining and emoji labels")
    func sameAsGeneralPath() {
        var scratch: [UInt8] = []
        for label in Self.labels {
            var source = label
            let general = source.withUTF8 { LinkDefinition.normalizedCharacters($0) }
            #expect(normalized(label, scratch: &scratch) == general, "label \(label.debugDescription)")
        }
    }

    @Test("hand-checked labels")
    func handChecked() {
        var scratch: [UInt8] = []
        #expect(normalized("  Vejledningen  for\nSygeplejersker  ", scratch: &scratch) == "vejledningen for sygeplejersker")
        #expect(normalized("\tA\t\tB ", scratch: &scratch) == "a b")
        #expect(normalized("   ", scratch: &scratch) == "")
        #expect(normalized("Ældre   Borgere", scratch: &scratch) == "ældre borgere")
        // "\r\n" is one Character, which is not one of the four separators.
        #expect(normalized("A\r\nB", scratch: &scratch) == "a\r\nb")
    }
}
