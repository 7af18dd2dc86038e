/// The course's prerequisites resolved to units: what each unit waits for, and why.
/// Built once per course; the engine asks it which units are locked, and validation asks
/// it for unknown ids and cycles.
public struct PrerequisiteGraph: Hashable, Sendable {
    /// Why a unit waits: a unit or module named in `requires`, or the unit before it in a
    /// sequential module.
    public enum Reason: Hashable, Sendable {
        case unit(String)
        case module(String)
        case sequence(previous: String)
    }

    public struct Prerequisite: Hashable, Sendable {
        public var reason: Reason
        /// The units that must all be done.
        public var units: [String]
        /// Where the requirement was written (for diagnostics).
        public var location: SourceLocation
    }

    /// Direct prerequisites of each unit, in manifest order.
    public private(set) var prerequisites: [String: [Prerequisite]] = [:]
    /// Requirements naming neither a unit nor a module.
    public private(set) var unknown: [Requirement] = []

    public init(_ course: Course) {
        let unitIDs = Set(course.allUnits.map(\.id))
        var moduleUnits: [String: [String]] = [:]
        for module in course.modules {
            let required = module.units.filter { !$0.optional }.map(\.id)
            moduleUnits[module.id] = required.isEmpty ? module.units.map(\.id) : required
        }
        func resolve(_ requirement: Requirement) -> Prerequisite? {
            if unitIDs.contains(requirement.id) {
                return Prerequisite(reason: .unit(requirement.id), units: [requirement.id], location: requirement.location)
            }
            if let units = moduleUnits[requirement.id] {
                return Prerequisite(reason: .module(requirement.id), units: units, location: requirement.location)
            }
            unknown.append(requirement)
            return nil
        }
        for module in course.modules {
            let moduleLevel = module.requires.compactMap(resolve)
            var previousRequired: CourseUnit?
            for unit in module.units {
                var list = moduleLevel
                if module.sequential, let previous = previousRequired {
                    list.append(Prerequisite(reason: .sequence(previous: previous.id), units: [previous.id], location: unit.location))
                }
                list += unit.requires.compactMap(resolve)
                prerequisites[unit.id] = list
                if !unit.optional { previousRequired = unit }
            }
        }
    }

    /// The first prerequisite of `unitID` that `isDone` does not satisfy, or nil when the unit is open.
    public func firstUnmet(for unitID: String, isDone: (String) -> Bool) -> Prerequisite? {
        prerequisites[unitID]?.first { prerequisite in !prerequisite.units.allSatisfy(isDone) }
    }

    /// Every cycle, each as the unit ids around it and the requirement that closes it.
    public func cycles(in course: Course) -> [(path: [String], location: SourceLocation)] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var stack: [String] = []
        var found: [(path: [String], location: SourceLocation)] = []
        var reported = Set<Set<String>>()
        func visit(_ unit: String) {
            marks[unit] = .visiting
            stack.append(unit)
            for prerequisite in prerequisites[unit] ?? [] {
                for next in prerequisite.units {
                    switch marks[next] {
                    case .visiting?:
                        if let start = stack.lastIndex(of: next) {
                            let path = Array(stack[start...]) + [next]
                            if reported.insert(Set(path)).inserted { found.append((path, prerequisite.location)) }
                        }
                    case nil:
                        visit(next)
                    case .done?:
                        break
                    }
                }
            }
            stack.removeLast()
            marks[unit] = .done
        }
        for unit in course.allUnits where marks[unit.id] == nil { visit(unit.id) }
        return found
    }

    /// Diagnostics for unknown ids and cycles.
    public func diagnostics(for course: Course) -> [Diagnostic] {
        var diagnostics = unknown.map { requirement in
            Diagnostic.error(requirement.location, "'requires' names '\(requirement.id)', which is neither a unit nor a module of this course")
        }
        for (path, location) in cycles(in: course) {
            let message =
                path.count == 2
                ? "unit '\(path[0])' requires itself (directly or through its own module), so it can never open"
                : "prerequisites form a cycle, so these units can never open: \(path.joined(separator: " → "))"
            diagnostics.append(.error(location, message))
        }
        return diagnostics
    }
}
