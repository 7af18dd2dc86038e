/// A scenario's nodes as a graph of indices, with the iterative searches the validator,
/// the autoplay report and `kursus scenario graph` need. Nothing here recurses over
/// nodes, so 20,000 nodes or a long chain cannot exhaust the stack.
public struct ScenarioGraph: Sendable {
    /// Successor indices per node (targets that exist; duplicates removed).
    public let successors: [[Int]]
    public let start: Int?

    public init(_ scenario: Scenario) {
        var successors: [[Int]] = []
        successors.reserveCapacity(scenario.nodes.count)
        for node in scenario.nodes {
            var seen: Set<Int> = []
            var list: [Int] = []
            for target in node.targets {
                if let index = scenario.nodeIndex[target.id], seen.insert(index).inserted { list.append(index) }
            }
            successors.append(list)
        }
        self.successors = successors
        start = scenario.nodeIndex[scenario.start]
    }

    /// Nodes reachable from the start (conditions ignored: any way the file allows).
    public func reachableFromStart() -> [Bool] {
        var seen = [Bool](repeating: false, count: successors.count)
        guard let start else { return seen }
        var stack = [start]
        seen[start] = true
        while let node = stack.popLast() {
            for next in successors[node] where !seen[next] {
                seen[next] = true
                stack.append(next)
            }
        }
        return seen
    }

    /// Nodes from which one of `targets` can be reached (reverse search).
    public func canReach(_ targets: [Int]) -> [Bool] {
        var predecessors = [[Int]](repeating: [], count: successors.count)
        for (node, list) in successors.enumerated() {
            for next in list { predecessors[next].append(node) }
        }
        var seen = [Bool](repeating: false, count: successors.count)
        var stack: [Int] = []
        for target in targets where !seen[target] {
            seen[target] = true
            stack.append(target)
        }
        while let node = stack.popLast() {
            for previous in predecessors[node] where !seen[previous] {
                seen[previous] = true
                stack.append(previous)
            }
        }
        return seen
    }
}
