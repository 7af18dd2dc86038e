import Testing

@testable import KursusLibrary

@Suite("Course versions: dotted numbers, text parts as text")
struct CourseVersionTests {
    @Test(
        "numbers compare as numbers, part by part",
        arguments: [
            ("1.9", "1.10"), ("1.0.0", "1.0.1"), ("2", "10"), ("1.2", "1.2.1"), ("0.9.99", "1.0"), ("1.0-beta2", "1.0-beta10"),
            ("1.0a", "1.0b"), ("2024.1", "2024.12"), ("1.99999999999999999999", "1.100000000000000000000"),
        ])
    func older(_ older: String, _ newer: String) {
        #expect(CourseVersion(older) < CourseVersion(newer))
        #expect(!(CourseVersion(newer) < CourseVersion(older)))
    }

    @Test(
        "trailing zero parts, leading zeros and surrounding spaces do not count",
        arguments: [
            ("1.2", "1.2.0"), ("1.02", "1.2"), (" 3.1 ", "3.1"), ("1.0.0", "1"),
        ])
    func same(_ a: String, _ b: String) {
        #expect(CourseVersion(a) == CourseVersion(b))
        #expect(!(CourseVersion(a) < CourseVersion(b)) && !(CourseVersion(b) < CourseVersion(a)))
    }

    @Test("a number part is older than a text part in the same place; text compares by characters")
    func mixed() {
        #expect(CourseVersion("1.5") < CourseVersion("1.beta"))
        #expect(CourseVersion("alpha") < CourseVersion("beta"))
        #expect(CourseVersion("1.0") < CourseVersion("1.0-rc1"))
        #expect(CourseVersion("1.10").text == "1.10")
    }
}
