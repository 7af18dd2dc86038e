import KursusText
import Testing
@testable import KursusTerminalUI

@Suite("Cell grid")
struct GridTests {
    @Test("text is clipped at the edge and at maxWidth")
    func clipping() {
        var grid = Grid(width: 10, height: 2)
        #expect(grid.put("Hej med dig", x: 0, y: 0) == 10)
        #expect(grid.line(0) == "Hej med di")
        #expect(grid.put("abcdef", x: 2, y: 1, maxWidth: 3) == 3)
        #expect(grid.line(1) == "  abc")
    }

    @Test("wide characters take two cells and never split at the edge")
    func wide() {
        var grid = Grid(width: 5, height: 1)
        grid.put("日本語", x: 0, y: 0)
        #expect(grid.line(0) == "日本")
        #expect(grid[1, 0].isContinuation)
        #expect(grid[4, 0].text == " ")
    }

    @Test("combining marks stay with their letter")
    func combining() {
        var grid = Grid(width: 5, height: 1)
        grid.put("e\u{301}x", x: 0, y: 0)
        #expect(grid.line(0) == "e\u{301}x")
        #expect(grid[1, 0].text == "x")
    }

    @Test("control characters from content never reach a cell")
    func hostile() {
        var grid = Grid(width: 30, height: 1)
        grid.put("a\u{1B}[2Jb\u{07}c\u{9B}d", x: 0, y: 0)
        #expect(!grid.line(0).unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("runs group equal styles for the backend")
    func runs() {
        var grid = Grid(width: 6, height: 1)
        grid.put("ab", x: 0, y: 0, style: .bold)
        grid.put("cd", x: 2, y: 0)
        let runs = grid.runs(row: 0)
        #expect(runs.map(\.text) == ["ab", "cd  "])
        #expect(runs.map(\.x) == [0, 2])
    }

    @Test("the style map lists each row's styled runs by column, leaving plain cells out")
    func styleMap() {
        var grid = Grid(width: 12, height: 11)
        grid.put("▸ Modul", x: 0, y: 1, style: CellStyle(.normal, [.reverse, .bold]))
        grid.put("日本", x: 4, y: 10, style: CellStyle(.accent, .underline))
        grid.put("x", x: 11, y: 10, style: .muted)
        #expect(
            grid.styleMap == """
                \(Grid.styleMapHeader)
                 1: 0-6 normal+br
                10: 4-7 accent+u, 11 muted+d
                """)
    }

    @Test("every attribute has its own letter in a style code")
    func styleCodes() {
        #expect(CellStyle.plain.code == "normal")
        #expect(CellStyle(.danger, [.underline, .strikethrough, .reverse, .italic, .dim, .bold]).code == "danger+bdirsu")
    }

    @Test("a selected row that loses its reverse video changes the style map")
    func lostSelection() {
        var selected = Grid(width: 8, height: 2)
        selected.put("○ 1.1", x: 0, y: 0)
        selected.put("● 1.2", x: 0, y: 1, style: CellStyle(.normal, [.reverse, .bold]))
        var unselected = selected
        unselected.style(x: 0, y: 1, width: 8, .bold)
        #expect(selected.text == unselected.text)
        #expect(selected.styleMap != unselected.styleMap)
    }
}

@Suite("Overlay text wrapping")
struct OverlayWrapTests {
    @Test("words wrap by display width, and a word longer than the line is broken, never cut")
    func wrap() {
        #expect(WordWrap.lines("Din fremgang er gemt", width: 10) == ["Din", "fremgang", "er gemt"])
        let long = WordWrap.lines("fil /tmp/kd2/learners/ole/progress/x.json.corrupt-1 ok", width: 12)
        #expect(long.allSatisfy { $0.count <= 12 })
        #expect(long.joined().replacingOccurrences(of: " ", with: "") == "fil/tmp/kd2/learners/ole/progress/x.json.corrupt-1ok")
        #expect(WordWrap.lines("日本語の文章", width: 5) == ["日本", "語の", "文章"])
    }
}
