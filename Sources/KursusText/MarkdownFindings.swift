/// What a scan of a lesson's Markdown finds for validation: the local images it shows,
/// the lines whose nesting goes deeper than Kursus follows and the tables too large to
/// show whole. Here, in the lowest
/// layer, so the Markdown scanner and the package validator share one type.
public struct MarkdownFindings: Hashable, Sendable {
    /// A place in the scanned text: 1-based line and column (in Unicode scalars).
    public struct Place: Hashable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// The local images, in document order.
    public var images: [AssetReference]
    /// Lines whose block quotes and list items nest deeper than `nestingLimit`, at the
    /// first marker beyond it; Kursus shows the rest of such a line as text.
    public var deepNesting: [Place]
    /// The deepest nesting of block quotes and list items followed.
    public var nestingLimit: Int
    /// The first row cut off of each table with more than `tableCellLimit` cells (at
    /// column 1): Kursus shows that row and the rest of the table as text.
    public var cutTables: [Place]
    /// The most cells of one table shown as a table.
    public var tableCellLimit: Int

    public init(
        images: [AssetReference], deepNesting: [Place] = [], nestingLimit: Int = 16, cutTables: [Place] = [],
        tableCellLimit: Int = 65_536
    ) {
        self.images = images
        self.deepNesting = deepNesting
        self.nestingLimit = nestingLimit
        self.cutTables = cutTables
        self.tableCellLimit = tableCellLimit
    }
}
