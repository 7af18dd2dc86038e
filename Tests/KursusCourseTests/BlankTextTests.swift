import Foundation
import Testing

@testable import KursusCourse

/// `isBlankText` and `isBlankLine` say what trimming through Foundation says.
struct BlankTextTests {
    @Test(
        "blank or not, as trimming says",
        arguments: [
            "", " ", "\t", "\n", "\r\n", " \n\t ", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{2028}", "\u{200B}", "\u{FEFF}", "x", " x ",
            "\u{A0}x", "æ", "\u{301}", "\u{B}", "\u{C}", "\u{1680}", "👩‍⚕️",
        ])
    func agreesWithTrimming(text: String) {
        #expect(text.isBlankText == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(text.debugDescription)")
        #expect(text.isBlankLine == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(text.debugDescription)")
        #expect(Substring(text).isBlankText == text.isBlankText)
    }
}
