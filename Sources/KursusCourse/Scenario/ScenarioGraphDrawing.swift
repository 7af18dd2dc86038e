import KursusText

/// `kursus scenario graph`: a scenario drawn for trainers as text, Graphviz `dot` or a
/// Mermaid flowchart (which wikis draw). The drawings mark the start, put conditions,
/// option numbers and qualities on the arrows, show timed choices and the option their
/// timer takes, and colour endings by rating with a legend naming the colours.
public enum ScenarioGraphDrawing {
    public enum Format: String, Sendable, CaseIterable {
        case text, dot, mermaid
    }

    /// The colour of an ending per rating, as named in the legend.
    static let ratingColours: [(rating: ChoiceQuality, name: String, hex: String)] = [
        (.good, "green", "#b8e6b8"), (.mixed, "yellow", "#f5e3a3"), (.poor, "red", "#f4b6b6"),
    ]

    /// One arrow, with what a trainer needs to read on it.
    struct Edge {
        var from: Int
        var to: String
        var label: String
        /// The option a choice's timer takes (drawn dashed).
        var timer: Bool = false
    }

    static func mark(_ quality: ChoiceQuality?) -> String {
        switch quality {
        case .good?: " ✓ good"
        case .mixed?: " ≈ mixed"
        case .poor?: " ✗ poor"
        case nil: ""
        }
    }

    static func edges(_ scenario: Scenario) -> [Edge] {
        var edges: [Edge] = []
        for (index, node) in scenario.nodes.enumerated() {
            switch node.kind {
            case .ending: break
            case .choice(let choice):
                for (i, option) in choice.options.enumerated() {
                    var label = "\(i + 1)\(mark(option.quality))"
                    if let condition = option.condition { label += " if \(condition.source)" }
                    if option.once { label += " (once)" }
                    let timed = choice.timer?.defaultOption == i
                    if let timer = choice.timer, timed { label += " ⏱ after \(timer.seconds) s" }
                    edges.append(Edge(from: index, to: option.target, label: label, timer: timed))
                }
            default:
                switch node.next {
                case .goto(let id, _)?: edges.append(Edge(from: index, to: id, label: ""))
                case .conditional(let items)?:
                    for item in items {
                        edges.append(Edge(from: index, to: item.target, label: item.condition.map { "if \($0.source)" } ?? "otherwise"))
                    }
                case .random(let items)?:
                    let total = items.reduce(0) { $0 + max(1, $1.weight) }
                    for item in items { edges.append(Edge(from: index, to: item.target, label: "random \(max(1, item.weight))/\(total)")) }
                case nil: break
                }
            }
        }
        return edges
    }

    /// The second line of a node's box: its kind, a timer, an ending's rating.
    static func detail(_ node: ScenarioNode) -> String {
        switch node.kind {
        case .choice(let choice):
            guard let timer = choice.timer else { return "choice" }
            return "choice ⏱ \(timer.seconds) s → option \(timer.defaultOption + 1)"
        case .ending(let ending): return "ending" + (ending.rating.map { ": \($0.rawValue)" } ?? "")
        default: return node.kindName
        }
    }

    /// The drawing, made safe for a terminal (ids and conditions come from the file).
    public static func draw(_ scenario: Scenario, format: Format) -> String {
        let text: String =
            switch format {
            case .text: drawText(scenario)
            case .dot: drawDot(scenario)
            case .mermaid: drawMermaid(scenario)
            }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafe.clean(String($0)) }.joined(separator: "\n")
    }

    static func drawText(_ scenario: Scenario) -> String {
        scenario.nodes.map { node in
            let targets = node.targets.map(\.id)
            let marker = node.id == scenario.start ? "* " : "  "
            return "\(marker)\(node.id) [\(node.kindName)]" + (targets.isEmpty ? "" : " -> " + targets.joined(separator: ", "))
        }.joined(separator: "\n")
    }

    static func drawDot(_ scenario: Scenario) -> String {
        func quote(_ text: String) -> String {
            "\""
                + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(
                    of: "\n", with: "\\n")
                + "\""
        }
        var lines = ["digraph \(quote(scenario.id)) {", "  node [fontname=\"Helvetica\"];", "  edge [fontname=\"Helvetica\", fontsize=10];"]
        lines.append("  \"__start\" [shape=point, width=0.15];")
        lines.append("  \"__start\" -> \(quote(scenario.start)) [label=\"start\"];")
        for node in scenario.nodes {
            var attributes: [String]
            switch node.kind {
            case .choice: attributes = ["shape=diamond"]
            case .ending(let ending):
                attributes = ["shape=doubleoctagon"]
                if let colour = ratingColours.first(where: { $0.rating == ending.rating }) {
                    attributes += ["style=filled", "fillcolor=\(quote(colour.hex))"]
                }
            case .event: attributes = ["shape=box"]
            default: attributes = ["shape=ellipse"]
            }
            if node.id == scenario.start { attributes.append("penwidth=3") }
            attributes.append("label=\(quote("\(node.id)\n\(detail(node))"))")
            lines.append("  \(quote(node.id)) [\(attributes.joined(separator: ", "))];")
        }
        for edge in edges(scenario) {
            var attributes: [String] = []
            if !edge.label.isEmpty { attributes.append("label=\(quote(edge.label))") }
            if edge.timer { attributes.append("style=dashed") }
            let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("  \(quote(scenario.nodes[edge.from].id)) -> \(quote(edge.to))\(suffix);")
        }
        lines.append("  subgraph \"cluster_legend\" {")
        lines.append("    label=\"Legend: ending ratings; ✓ ≈ ✗ mark option quality; dashed: the option a timer takes\";")
        for colour in ratingColours {
            lines.append(
                "    \(quote("legend_\(colour.rating.rawValue)")) [shape=box, style=filled, fillcolor=\(quote(colour.hex)), label=\(quote("\(colour.rating.rawValue): \(colour.name)"))];"
            )
        }
        lines.append("  }")
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    static func drawMermaid(_ scenario: Scenario) -> String {
        // Mermaid reads some words and letters in ids as syntax, so nodes get plain ids
        // (n0, n1, …) and show the scenario's id as their label.
        func label(_ text: String) -> String {
            "\""
                + text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "<", with: "#lt;").replacingOccurrences(
                    of: ">", with: "#gt;"
                ).replacingOccurrences(of: "\n", with: "<br/>") + "\""
        }
        var lines = ["flowchart TD"]
        lines.append("  start_((start)) --> n\(scenario.nodeIndex[scenario.start] ?? 0)")
        var classes: [ChoiceQuality: [String]] = [:]
        for (index, node) in scenario.nodes.enumerated() {
            let text = label("\(node.id)\n\(detail(node))")
            switch node.kind {
            case .choice: lines.append("  n\(index){\(text)}")
            case .ending(let ending):
                lines.append("  n\(index)[[\(text)]]")
                if let rating = ending.rating { classes[rating, default: []].append("n\(index)") }
            case .event: lines.append("  n\(index)[/\(text)/]")
            default: lines.append("  n\(index)(\(text))")
            }
        }
        for edge in edges(scenario) {
            guard let to = scenario.nodeIndex[edge.to] else { continue }
            let arrow = edge.timer ? "-.->" : "-->"
            lines.append("  n\(edge.from) \(arrow)\(edge.label.isEmpty ? "" : "|\(label(edge.label))|") n\(to)")
        }
        lines.append("  subgraph legend [\"Legend: ending ratings, dashed arrow: the option a timer takes\"]")
        for colour in ratingColours { lines.append("    legend_\(colour.rating.rawValue)[\"\(colour.rating.rawValue): \(colour.name)\"]") }
        lines.append("  end")
        for colour in ratingColours {
            lines.append("  classDef \(colour.rating.rawValue) fill:\(colour.hex),stroke:#333")
            let members = (classes[colour.rating] ?? []) + ["legend_\(colour.rating.rawValue)"]
            lines.append("  class \(members.joined(separator: ",")) \(colour.rating.rawValue)")
        }
        return lines.joined(separator: "\n")
    }
}
