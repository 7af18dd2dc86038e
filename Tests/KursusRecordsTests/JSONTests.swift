import Foundation
import Testing
@testable import KursusRecords

@Suite("JSON writer and parser")
struct JSONTests {
    @Test("keys are sorted by their UTF-8 bytes at every level, and the form is compact")
    func sortedCompact() {
        let value: JSONValue = ["b": 1, "a": ["z": true, "Z": false, "é": "x", "e": .null], "A": [1, "2", [:], []]]
        #expect(JSONWriter.string(value) == #"{"A":[1,"2",{},[]],"a":{"Z":false,"e":null,"z":true,"é":"x"},"b":1}"#)
        #expect(JSONWriter.data(value) == Data(JSONWriter.string(value).utf8))
    }

    @Test("every C0 and C1 control, DEL and the bidirectional controls are written as \\uXXXX")
    func escapes() {
        for value: UInt32 in Array(0x00...0x1F) + Array(0x7F...0x9F) + [0x061C, 0x200E, 0x200F, 0x2028, 0x2029] + Array(0x202A...0x202E)
            + Array(0x2066...0x2069)
        {
            let scalar = Unicode.Scalar(value)!
            let written = JSONWriter.string(.string("a\(Character(scalar))b"))
            let hex = String(value, radix: 16)
            #expect(written == "\"a\\u" + String(repeating: "0", count: 4 - hex.count) + hex + "b\"", "U+\(hex)")
        }
        #expect(JSONWriter.string("\u{1B}[31mrød\u{1B}[0m") == #""\u001b[31mrød\u001b[0m""#)
        #expect(JSONWriter.string("linje 1\nlinje 2\t\"citat\" \\ /") == #""linje 1\u000alinje 2\u0009\"citat\" \\ /""#)
        // Ordinary text, including emoji, zero-width joiners and combining marks, stays as it is.
        #expect(JSONWriter.string("Æble 👩‍⚕️ e\u{301} \u{200D}") == "\"Æble 👩‍⚕️ e\u{301} \u{200D}\"")
        // Escaped key too.
        #expect(JSONWriter.string(["\u{202E}key": 1]) == #"{"\u202ekey":1}"#)
    }

    @Test("numbers have one written form")
    func numbers() {
        #expect(JSONWriter.format(3) == "3")
        #expect(JSONWriter.format(-0.0) == "0")
        #expect(JSONWriter.format(0.5) == "0.5")
        #expect(JSONWriter.format(2.0 / 3) == "0.6666666666666666")
        #expect(JSONWriter.format(1e-5) == "1e-05")
        #expect(JSONWriter.format(9_007_199_254_740_991) == "9007199254740991")
        #expect(JSONWriter.format(9_007_199_254_740_992) == "9007199254740992.0")
        #expect(JSONWriter.format(1e300) == "1e+300")
        #expect(JSONWriter.format(.nan) == "null")
        #expect(JSONWriter.format(.infinity) == "null")
    }

    @Test("pretty output has the same content")
    func pretty() throws {
        let value: JSONValue = ["b": [1, 2], "a": ["c": "d"], "e": [:]]
        #expect(JSONWriter.pretty(value) == "{\n  \"a\": {\n    \"c\": \"d\"\n  },\n  \"b\": [\n    1,\n    2\n  ],\n  \"e\": {}\n}")
        #expect(try JSONParser.parse(JSONWriter.pretty(value)) == value)
    }

    @Test("what the writer writes, the parser reads back as the same value")
    func roundTrip() throws {
        let value: JSONValue = [
            "text": "\u{0}\u{1B}\u{7F}\u{85}\u{202E}ø😀\"\\", "n": -12.75, "list": [true, false, .null, 1e-7], "nested": ["deep": [[["x": 1]]]],
        ]
        #expect(try JSONParser.parse(JSONWriter.data(value)) == value)
    }

    @Test("the parser keeps booleans apart from numbers and reads escapes and surrogate pairs")
    func parserTypes() throws {
        let value = try JSONParser.parse(#" { "t": true, "one": 1, "f": 1.5e2, "s": "\u00e6\n\ud83d\ude00\/" , "a": [ ] } "#)
        #expect(value == ["t": .bool(true), "one": .number(1), "f": .number(150), "s": "æ\n😀/", "a": []])
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "occurs twice"),
        (#"{"a":1,}"#, "expected a key"),
        ("[1,2", "expected ',' or ']'"),
        ("01", "unexpected text after"),
        ("1.", "expected a digit after '.'"),
        ("-", "expected a digit"),
        ("\"a\u{1}\"", "control character"),
        (#""\ud800""#, "lone surrogate"),
        (#""\x""#, "unknown escape"),
        ("nul", "expected 'null'"),
        ("{} {}", "unexpected text after"),
        ("1e999", "out of range"),
        ("", "unexpected end"),
    ])
    func parserRefuses(text: String, message: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test("the parser refuses invalid UTF-8 and nesting deeper than its limit")
    func parserLimits() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Data([0x22, 0xC3, 0x28, 0x22])) }
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: JSONParser.maximumDepth - 1) + String(repeating: "]", count: JSONParser.maximumDepth - 1)
        #expect((try? JSONParser.parse(fine)) != nil)
    }
}
