import Testing

@testable import KursusTerminalUI

/// Rows as a terminal without UTF-8 shows them: spelled in ASCII, laid out anew.
@Suite("ASCII rows")
struct ASCIIRowsTests {
    func grid(_ rows: [(String, Int)], width: Int = 40) -> Grid {
        var grid = Grid(width: width, height: rows.count)
        for (y, (text, x)) in rows.enumerated() { grid.put(text, x: x, y: y) }
        return grid
    }

    @Test("an expanded letter takes a column from the next gap, so the text after it keeps its column")
    func gapAbsorbs() {
        var grid = Grid(width: 40, height: 1)
        grid.put(" Kursus · Diætister", x: 0, y: 0)
        grid.put("Mette Sørensen", x: 24, y: 0)
        let line = ASCIIRows.line(grid, row: 0)
        #expect(line == " Kursus - Diaetister    Mette Soerensen")
        // The name starts where the grid put it; the one extra letter of its own ran into the edge's blank.
        #expect(line.distance(to: "Mette") == 24)
        #expect(ASCIIRows.runs(grid, row: 0).map(\.text).joined().count == 40, "the whole width is drawn, so nothing stale is left")
    }

    @Test("right-aligned text that grows moves left into the gap before it, and is not cut")
    func rightAligned() {
        var grid = Grid(width: 40, height: 1)
        grid.put(" Kursus", x: 0, y: 0)
        grid.put("Mette Sørensen · Diætister", x: 13, y: 0)
        #expect(ASCIIRows.line(grid, row: 0) == " Kursus     Mette Soerensen - Diaetister")
    }

    @Test("a single blank between words is never taken")
    func wordsStayApart() {
        let grid = grid([("Sørensen Åse  ok", 0)], width: 22)
        #expect(ASCIIRows.line(grid, row: 0) == "Soerensen Aase ok")
    }

    @Test("a wide character becomes ? and keeps its two columns; a box's border stays in place")
    func wideAndBorder() {
        var grid = Grid(width: 12, height: 2)
        grid.put("|日本     |", x: 0, y: 0)
        grid.put("|æø      |", x: 0, y: 1)
        #expect(ASCIIRows.line(grid, row: 0) == "|? ?      |")
        #expect(ASCIIRows.line(grid, row: 1) == "|aeoe    |")
    }

    @Test("a capital in a word of capitals is spelled in capitals, cell by cell")
    func capitals() {
        let grid = grid([("FORHÅNDSVISNING  Århus", 0)], width: 30)
        #expect(ASCIIRows.line(grid, row: 0) == "FORHAANDSVISNING Aarhus")
    }

    @Test("styles stay with their letters")
    func styles() {
        var grid = Grid(width: 10, height: 1)
        grid.put("ø", x: 0, y: 0, style: .bold)
        grid.put("x", x: 1, y: 0)
        let runs = ASCIIRows.runs(grid, row: 0)
        #expect(runs.first?.text == "oe")
        #expect(runs.first?.style == .bold)
        #expect(runs.dropFirst().first?.x == 2)
    }

    @Test("what does not fit is cut at the edge")
    func overflow() {
        let grid = grid([("øøøøø", 0)], width: 6)
        #expect(ASCIIRows.line(grid, row: 0) == "oeoeoe")
    }
}

extension String {
    fileprivate func distance(to mark: String) -> Int {
        guard let range = range(of: mark) else { return -1 }
        return self[..<range.lowerBound].count
    }
}
