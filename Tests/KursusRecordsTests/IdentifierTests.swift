import Foundation
import KursusProgress
import Testing
@testable import KursusRecords

@Suite("UUIDv5, timestamps, language tags and IRIs")
struct IdentifierTests {
    @Test("UUIDv5 matches the published test vectors")
    func uuidVectors() {
        // RFC 9562 Appendix A.4 (and RFC 4122's DNS namespace).
        #expect(UUIDv5.string(namespace: UUIDv5.dnsNamespace, name: "www.example.com") == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
        // Python's documentation: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
        #expect(UUIDv5.string(namespace: UUIDv5.dnsNamespace, name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // Checked with Python's uuid.uuid5.
        #expect(
            UUIDv5.string(namespace: UUIDv5.urlNamespace, name: "https://www.rfc-editor.org/rfc/rfc9562") == "3349c653-56d8-5f05-8876-e348e193dc56")
        #expect(UUIDv5.string(name: "kursus") == "b513c9f9-09ce-5c61-b636-753044eda578")
        #expect(UUIDv5.string(name: "æøå") == "b79625b4-17aa-5e7d-bbca-cbd19763cb50")
    }

    @Test("the Kursus namespace is the one docs/records.md documents, and ids are lowercase version 5")
    func namespace() {
        #expect(UUIDv5.kursusNamespace.uuidString.lowercased() == "494530d2-e927-434c-a672-d33bd9861dcf")
        let id = UUIDv5.string(name: "anything")
        #expect(id == id.lowercased())
        #expect(Array(id)[14] == "5")
        #expect("89ab".contains(Array(id)[19]))
        #expect(UUIDv5.string(name: "a") != UUIDv5.string(name: "b"))
    }

    @Test("timestamps are UTC with truncated milliseconds, whatever the machine's time zone")
    func timestamps() {
        #expect(XAPITimestamp.string(Date(timeIntervalSince1970: 1_741_079_702.25)) == "2025-03-04T09:15:02.250Z")
        #expect(XAPITimestamp.string(Date(timeIntervalSince1970: 1_741_079_702.9999)) == "2025-03-04T09:15:02.999Z")
        #expect(XAPITimestamp.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(XAPITimestamp.string(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(XAPITimestamp.string(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(XAPITimestamp.string(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59.999Z")
        #expect(XAPITimestamp.string(Date.distantPast) == "0001-01-01T00:00:00.000Z")
    }

    @Test("the week start is the Monday before, at midnight UTC")
    func weekStart() {
        // Tuesday 2025-03-04 09:15 → Monday 2025-03-03.
        #expect(XAPITimestamp.string(XAPITimestamp.weekStart(Date(timeIntervalSince1970: 1_741_079_702.25))) == "2025-03-03T00:00:00.000Z")
        // Monday 00:00:00 stays; Sunday 23:59 goes back six days.
        #expect(XAPITimestamp.string(XAPITimestamp.weekStart(Date(timeIntervalSince1970: 1_740_960_000))) == "2025-03-03T00:00:00.000Z")
        #expect(XAPITimestamp.string(XAPITimestamp.weekStart(Date(timeIntervalSince1970: 1_740_959_999))) == "2025-02-24T00:00:00.000Z")
        // Thursday 1970-01-01 → Monday 1969-12-29.
        #expect(XAPITimestamp.string(XAPITimestamp.weekStart(Date(timeIntervalSince1970: 0))) == "1969-12-29T00:00:00.000Z")
    }

    @Test("a valid timestamp has a real date, a time and a time zone")
    func timestampValidity() {
        for good in [
            "2013-05-18T05:32:34.804+00:00", "2013-04-01T12:00:00Z", "2025-03-04T09:15:02.250Z", "2024-02-29T23:59:60-05:30",
            "2025-01-01T00:00:00+0100", "2025-01-01T00:00:00.1+01",
        ] {
            #expect(XAPITimestamp.isValid(good), "\(good)")
        }
        for bad in [
            "2013-05-18T05:32:34.804", "2013-05-18 05:32:34Z", "2023-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-01T24:00:00Z",
            "2025-01-01T00:00:00.Z",
            "2025-01-01T00:00:00+1:00", "2025-01-01T00:00:00+01:0", "2025-01-01", "20250101T000000Z", "2025-01-01T00:00:00Zjunk", "",
        ] {
            #expect(!XAPITimestamp.isValid(bad), "\(bad)")
        }
    }

    @Test("language tags: well-formed RFC 5646 tags pass, others do not")
    func languageTags() {
        for good in [
            "da", "en", "en-US", "en-GB", "es-MX", "zh-Hant-TW", "tlh", "und", "de-CH-1901", "sl-rozaj-biske", "x-kursus", "en-a-bbb-x-a-ccc",
            "i-klingon", "zh-min-nan", "es-419",
        ] {
            #expect(LanguageTag.isValid(good), "\(good)")
        }
        for bad in ["", "e", "dansk-sprog-x", "en_US", "en--us", "en-", "-en", "da dk", "abcdefghi", "en-a", "en-a-bb-a-cc", "x", "æø", "en-US-x"] {
            #expect(!LanguageTag.isValid(bad), "\(bad)")
        }
    }

    @Test("IRIs: what is wrong is said in words")
    func iris() {
        #expect(IRI.problem("https://kursus.invalid/xapi/courses/a") == nil)
        #expect(IRI.problem("urn:kursus:x") == nil)
        #expect(IRI.problem("http://example.com/فعل/خواندن") == nil)
        #expect(IRI.problem("kursus.dk/xapi") == "has no scheme (such as 'https:')")
        #expect(IRI.problem("") == "is empty")
        #expect(IRI.problem("https://a b") == "contains a space")
        #expect(IRI.problem("https:") == "has nothing after 'https:'")
        #expect(IRI.problem("1http://x") == "has no valid scheme before ':' (such as 'https:')")
        #expect(IRI.problem("https://x/<y>") == "contains '<', which an IRI may not hold")
        #expect(IRI.problem("https://x/%zz") == "has a '%' that is not followed by two hex digits")
        #expect(IRI.problem("https://x/\u{202E}") == "contains a control or invisible character (U+202E)")
        #expect(IRI.problem("mailto:a@b", requireHost: true) == "has no host ('mailto://host/...')")
        #expect(IRI.webAddressProblem("https://login.example.dk") == nil)
        #expect(IRI.webAddressProblem("ftp://x.dk") == "must start with 'https://' or 'http://', not 'ftp:'")
        #expect(IRI.webAddressProblem("https:///xapi") == "has no host ('https://host/...')")
        #expect(IRI.webAddressProblem("https://x.dk/xapi?a=1") == "has a query ('?…'); give the address without it")
        #expect(IRI.webAddressProblem("https://x.dk/xapi#top") == "has a fragment ('#…'); give the address without it")
    }

    @Test("path segments are percent-encoded, and dot segments cannot be removed")
    func segments() {
        #expect(IRI.segment("quiz-1_a.b~c") == "quiz-1_a.b~c")
        #expect(IRI.segment("a b/c?d#e%") == "a%20b%2Fc%3Fd%23e%25")
        #expect(IRI.segment("rødt æble") == "r%C3%B8dt%20%C3%A6ble")
        #expect(IRI.segment(".") == "%2E")
        #expect(IRI.segment("..") == "%2E%2E")
        #expect(IRI.segment("") == "")
        #expect(IRI.problem("https://x/" + IRI.segment("\u{1B}[2J <>\"")) == nil)
    }
}
