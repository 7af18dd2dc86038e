import Foundation

extension StringProtocol {
    /// True when the text is empty or only white space and line breaks: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines).isEmpty` says, without building the
    /// trimmed copy through NSString. It stops at the first other character, so a title
    /// costs one lookup; the loader asks this of every title and text value it reads.
    var isBlankText: Bool { unicodeScalars.allSatisfy { BlankScalars.whitespacesAndNewlines.contains($0) } }

    /// True when the text is empty or only spaces and tabs (no line breaks): what
    /// `trimmingCharacters(in: .whitespaces).isEmpty` says.
    var isBlankLine: Bool { unicodeScalars.allSatisfy { BlankScalars.whitespaces.contains($0) } }
}

/// The sets made once: `CharacterSet.whitespaces` and its like build a new set on every use.
private enum BlankScalars {
    static let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines
    static let whitespaces = CharacterSet.whitespaces
}
