/// A local file a text refers to (an image in a lesson), with where it is referred to.
/// Here, in the lowest layer, so the Markdown scanner that finds references and the
/// package validator that checks them share one type.
public struct AssetReference: Hashable, Sendable {
    /// The path as written, percent-escapes decoded (`a%20b.png` → `a b.png`).
    public var path: String
    /// 1-based line of the reference in the text given to the scanner.
    public var line: Int
    /// 1-based column of the reference's `!`, counted in Unicode scalars.
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }
}
