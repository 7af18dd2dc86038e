import Foundation

extension StringProtocol {
    /// True when the text is empty or only white space and line breaks: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines).isEmpty` says, without building the
    /// trimmed copy through NSString. It stops at the first other character, so a title
    /// costs one lookup; the loader asks this of every title and text value it reads.
    var isBlankText: Bool { unicodeScalars.allSatisfy { ScalarSets.whitespacesAndNewlines.contains($0) } }

    /// True when the text is empty or only spaces and tabs (no line breaks): what
    /// `trimmingCharacters(in: .whitespaces).isEmpty` says.
    var isBlankLine: Bool { unicodeScalars.allSatisfy { ScalarSets.whitespaces.contains($0) } }
}
