/// Where the layout engine puts finished lines: each line's content and
/// the prefix that stands in front of it.
protocol LayoutOutput {
    /// Takes a line; when `line` has no content (after trailing spaces are
    /// dropped) the line is the prefix alone, without trailing spaces.
    mutating func append(_ line: LineBuilder, prefix: LinePrefix)
    /// Lines taken so far.
    var count: Int { get }
}

/// Keeps the lines as `StyledLine`s, for a `MarkdownDocument`.
struct StyledLinesOutput: LayoutOutput {
    private(set) var lines: [StyledLine] = []

    var count: Int { lines.count }

    mutating func append(_ line: LineBuilder, prefix: LinePrefix) {
        lines.append(line.finish(prefix: prefix))
    }
}

/// A `LineSink` that passes the lines of one block to the engine's output
/// behind a prefix for the first line and another for the rest.
struct PrefixingSink<Output: LayoutOutput>: LineSink {
    let engine: LayoutEngine<Output>
    let first: LinePrefix
    let rest: LinePrefix
    /// Lines of this block so far.
    private(set) var count = 0

    init(engine: LayoutEngine<Output>, first: LinePrefix, rest: LinePrefix) {
        self.engine = engine
        self.first = first
        self.rest = rest
    }

    mutating func take(_ line: LineBuilder) {
        engine.append(line, prefix: count == 0 ? first : rest)
        count += 1
    }

    /// A sink to the same engine with other prefixes.
    func withPrefixes(first: LinePrefix, rest: LinePrefix) -> PrefixingSink {
        PrefixingSink(engine: engine, first: first, rest: rest)
    }
}
