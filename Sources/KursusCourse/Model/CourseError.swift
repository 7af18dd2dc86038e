import KursusText

/// Why a course package could not be used. Carries every diagnostic that was found, so
/// a trainer sees all problems at once instead of fixing them one run at a time.
public struct CourseError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ location: SourceLocation, _ message: String) {
        self.diagnostics = [.error(location, message)]
    }

    public var description: String {
        diagnostics.errors.map(\.description).joined(separator: "\n")
    }
}
