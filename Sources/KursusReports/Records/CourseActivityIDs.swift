import Foundation
import KursusProgress

/// What a statement is about, by its activity ids (docs/records.md, "Activities and their
/// ids"): `<base>/courses/<course>`, `…/units/<unit>`, `…/units/<unit>/questions/<question>`,
/// `…/units/<unit>/nodes/<node>`. Ids are decoded from their percent-encoding.
enum ActivityPlace: Equatable {
    case course
    case unit(String)
    case question(unit: String, question: String)
    case node(unit: String, node: String)
    /// The statement's course activity is another course's.
    case otherCourse
    /// Not an activity of a Kursus course the report can place (with the reason).
    case unknown(String)
}

/// Recognises one course's activities without knowing the activity base (site config):
/// the course activity is the object or a context activity whose id ends in
/// `/courses/<percent-encoded course id>`, and everything in front of that is the base.
/// Without such a context activity, an object id holding `/courses/<course>/units/` is
/// the course's too.
struct CourseActivityIDs: Sendable {
    /// `/courses/<percent-encoded course id>`.
    let courseSuffix: String

    init(courseID: String) {
        courseSuffix = "/courses/" + IRI.segment(courseID)
    }

    func place(objectID: String?, contextIDs: [String]) -> ActivityPlace {
        guard let objectID else { return .unknown("the statement has no object id") }
        if Self.utf8HasSuffix(objectID, courseSuffix) { return .course }
        let course: String
        if let id = contextIDs.first(where: { Self.utf8HasSuffix($0, courseSuffix) }) {
            course = id
        } else if let range = objectID.range(of: courseSuffix + "/units/") {
            // No course among the context activities: the object's id still names it.
            course = String(objectID[..<range.lowerBound]) + courseSuffix
        } else {
            let mentionsCourse = objectID.contains("/courses/") || contextIDs.contains { $0.contains("/courses/") }
            return mentionsCourse ? .otherCourse : .unknown("no activity of a Kursus course")
        }
        let unitsPrefix = course + "/units/"
        guard Self.utf8HasPrefix(objectID, unitsPrefix) else {
            return .unknown("the object is not a unit, question or choice point of the course")
        }
        let rest = objectID.utf8.dropFirst(unitsPrefix.utf8.count)
        let parts = rest.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard let unitPart = parts.first, let unit = Self.decode(unitPart), !unit.isEmpty else {
            return .unknown("the object's unit id is not a percent-encoded id")
        }
        switch parts.count {
        case 1:
            return .unit(unit)
        case 3:
            guard let part = Self.decode(parts[2]), !part.isEmpty else {
                return .unknown("the object's question or node id is not a percent-encoded id")
            }
            if parts[1].elementsEqual("questions".utf8) { return .question(unit: unit, question: part) }
            if parts[1].elementsEqual("nodes".utf8) { return .node(unit: unit, node: part) }
            return .unknown("the object is not a unit, question or choice point of the course")
        default:
            return .unknown("the object is not a unit, question or choice point of the course")
        }
    }

    static func utf8HasSuffix(_ text: String, _ suffix: String) -> Bool {
        let count = suffix.utf8.count
        return text.utf8.count >= count && text.utf8.suffix(count).elementsEqual(suffix.utf8)
    }

    static func utf8HasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.count >= prefix.utf8.count && text.utf8.prefix(prefix.utf8.count).elementsEqual(prefix.utf8)
    }

    /// A percent-encoded segment decoded; nil when a `%` lacks two hex digits or the
    /// bytes are not UTF-8.
    static func decode(_ segment: Substring.UTF8View.SubSequence) -> String? {
        guard segment.contains(UInt8(ascii: "%")) else { return String(Substring(segment)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segment.count)
        var index = segment.startIndex
        while index != segment.endIndex {
            let byte = segment[index]
            if byte == UInt8(ascii: "%") {
                let first = segment.index(after: index)
                guard first != segment.endIndex else { return nil }
                let second = segment.index(after: first)
                guard second != segment.endIndex, let high = hex(segment[first]), let low = hex(segment[second]) else { return nil }
                bytes.append(high << 4 | low)
                index = segment.index(after: second)
            } else {
                bytes.append(byte)
                index = segment.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
