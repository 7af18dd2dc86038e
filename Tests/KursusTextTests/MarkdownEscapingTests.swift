import KursusText
import Testing

@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    @Test("syntax characters get a backslash anywhere; heading and list marks only at a line start")
    func literal() {
        #expect(MarkdownEscaping.literal("2 * 3 = 6 & <b>") == "2 \\* 3 = 6 \\& \\<b\\>")
        #expect(MarkdownEscaping.literal("# Overskrift\n- punkt\nC# - nej") == "\\# Overskrift\n\\- punkt\nC# - nej")
        #expect(MarkdownEscaping.literal("æøå") == "æøå")
    }
}
