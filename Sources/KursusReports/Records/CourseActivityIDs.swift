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
        guard var objectID else { return .unknown("the statement has no object id") }
        if Self.utf8HasSuffix(objectID, courseSuffix) { return .course }
        // The length of the object id's part up to and including the course.
        let courseLength: Int
        if let id = contextIDs.first(where: { Self.utf8HasSuffix($0, courseSuffix) }) {
            guard Self.utf8HasPrefix(objectID, id) else { return .unknown("the object is not a unit, question or choice point of the course") }
            courseLength = id.utf8.count
        } else if let range = objectID.range(of: courseSuffix + "/units/") {
            // No course among the context activities: the object's id still names it.
            courseLength = objectID.utf8.distance(from: objectID.utf8.startIndex, to: range.lowerBound) + courseSuffix.utf8.count
        } else {
            let mentionsCourse = objectID.contains("/courses/") || contextIDs.contains { $0.contains("/courses/") }
            return mentionsCourse ? .otherCourse : .unknown("no activity of a Kursus course")
        }
        return objectID.withUTF8 { Self.place(inCourse: UnsafeBufferPointer(rebasing: $0[courseLength...])) }
    }

    /// What follows the course in an object id: `/units/<unit>`, with `/questions/<id>` or
    /// `/nodes/<id>` after it.
    static func place(inCourse rest: UnsafeBufferPointer<UInt8>) -> ActivityPlace {
        let notOfTheCourse = ActivityPlace.unknown("the object is not a unit, question or choice point of the course")
        let units: StaticString = "/units/"
        guard startsWith(rest, units) else { return notOfTheCourse }
        var parts: [UnsafeBufferPointer<UInt8>] = []
        var start = units.utf8CodeUnitCount
        for index in start..<rest.count where rest[index] == UInt8(ascii: "/") {
            parts.append(UnsafeBufferPointer(rebasing: rest[start..<index]))
            start = index + 1
            guard parts.count < 3 else { return notOfTheCourse }
        }
        parts.append(UnsafeBufferPointer(rebasing: rest[start...]))
        guard let unit = decode(parts[0]), !unit.isEmpty else { return .unknown("the object's unit id is not a percent-encoded id") }
        switch parts.count {
        case 1:
            return .unit(unit)
        case 3:
            guard let part = decode(parts[2]), !part.isEmpty else {
                return .unknown("the object's question or node id is not a percent-encoded id")
            }
            if parts[1].elementsEqual("questions".utf8) { return .question(unit: unit, question: part) }
            if parts[1].elementsEqual("nodes".utf8) { return .node(unit: unit, node: part) }
            return notOfTheCourse
        default:
            return notOfTheCourse
        }
    }

    static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        for index in 0..<count where bytes[index] != word.utf8Start[index] { return false }
        return true
    }

    static func utf8HasSuffix(_ text: String, _ suffix: String) -> Bool {
        var text = text
        var suffix = suffix
        return text.withUTF8 { t in
            suffix.withUTF8 { s in t.count >= s.count && UnsafeBufferPointer(rebasing: t[(t.count - s.count)...]).elementsEqual(s) }
        }
    }

    static func utf8HasPrefix(_ text: String, _ prefix: String) -> Bool {
        var text = text
        var prefix = prefix
        return text.withUTF8 { t in
            prefix.withUTF8 { p in t.count >= p.count && UnsafeBufferPointer(rebasing: t[..<p.count]).elementsEqual(p) }
        }
    }

    /// A percent-encoded segment decoded; nil when a `%` lacks two hex digits or the
    /// bytes are not UTF-8.
    static func decode(_ segment: UnsafeBufferPointer<UInt8>) -> String? {
        guard segment.contains(UInt8(ascii: "%")) else { return String(validating: segment, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segment.count)
        var index = 0
        while index < segment.count {
            let byte = segment[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < segment.count, let high = hex(segment[index + 1]), let low = hex(segment[index + 2]) else { return nil }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
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
