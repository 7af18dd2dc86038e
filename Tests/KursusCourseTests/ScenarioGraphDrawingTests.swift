import KursusCourse
import Testing

/// `kursus scenario graph --format dot|mermaid`: what a trainer reads on the drawing.
@Suite("Scenario graph drawings")
struct ScenarioGraphDrawingTests {
    static let body = """
        nodes:
          - {id: a, narration: Start, next: v}
          - id: v
            choice: Hvad gør du?
            timer: {seconds: 30, default: 3}
            options:
              - {text: A, feedback: F, quality: good, effects: [{set: plan_b, value: true}], goto: b}
              - {text: "B \\"citat\\"", feedback: F, quality: poor, goto: b, once: true}
              - {text: C, feedback: F, quality: mixed, if: "score < 3", goto: slut-skidt}
          - id: b
            narration: Videre
            next:
              - {if: plan_b, goto: slut-god}
              - {goto: slut-skidt}
          - {id: slut-god, ending: Godt, rating: good, debrief: D}
          - {id: slut-skidt, ending: Skidt, rating: poor, debrief: D}
        """

    @Test("dot marks the start, conditions, the timer's option, qualities and ending colours with a legend")
    func dot() throws {
        let dot = ScenarioGraphDrawing.draw(try ScenarioFixtures.valid(Self.body), format: .dot)
        let lines = dot.split(separator: "\n").map(String.init)
        #expect(lines.first == "digraph \"test\" {")
        #expect(lines.contains("  \"__start\" -> \"a\" [label=\"start\"];"))
        #expect(lines.contains("  \"a\" [shape=ellipse, penwidth=3, label=\"a\\nnarration\"];"))
        #expect(lines.contains("  \"v\" [shape=diamond, label=\"v\\nchoice ⏱ 30 s → option 3\"];"))
        #expect(lines.contains("  \"v\" -> \"b\" [label=\"1 ✓ good\"];"))
        #expect(lines.contains("  \"v\" -> \"b\" [label=\"2 ✗ poor (once)\"];"))
        #expect(lines.contains("  \"v\" -> \"slut-skidt\" [label=\"3 ≈ mixed if score < 3 ⏱ after 30 s\", style=dashed];"))
        #expect(lines.contains("  \"b\" -> \"slut-god\" [label=\"if plan_b\"];"))
        #expect(lines.contains("  \"b\" -> \"slut-skidt\" [label=\"otherwise\"];"))
        #expect(lines.contains("  \"slut-god\" [shape=doubleoctagon, style=filled, fillcolor=\"#b8e6b8\", label=\"slut-god\\nending: good\"];"))
        #expect(lines.contains("    \"legend_good\" [shape=box, style=filled, fillcolor=\"#b8e6b8\", label=\"good: green\"];"))
        #expect(lines.contains("    \"legend_poor\" [shape=box, style=filled, fillcolor=\"#f4b6b6\", label=\"poor: red\"];"))
        #expect(lines.last == "}")
    }

    @Test("mermaid: a flowchart with plain node ids, the same marks, dashed timer arrow and classes per rating")
    func mermaid() throws {
        let text = ScenarioGraphDrawing.draw(try ScenarioFixtures.valid(Self.body), format: .mermaid)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart TD")
        #expect(lines.contains("  start_((start)) --> n0"))
        #expect(lines.contains("  n1{\"v<br/>choice ⏱ 30 s → option 3\"}"))
        #expect(lines.contains("  n1 -->|\"1 ✓ good\"| n2"))
        #expect(lines.contains("  n1 -.->|\"3 ≈ mixed if score #lt; 3 ⏱ after 30 s\"| n4"))
        #expect(lines.contains("  n2 -->|\"if plan_b\"| n3"))
        #expect(lines.contains("  n3[[\"slut-god<br/>ending: good\"]]"))
        #expect(lines.contains("  classDef good fill:#b8e6b8,stroke:#333"))
        #expect(lines.contains("  class n3,legend_good good"))
        #expect(lines.contains("  class n4,legend_poor poor"))
        #expect(lines.contains("    legend_mixed[\"mixed: yellow\"]"))
    }
}
