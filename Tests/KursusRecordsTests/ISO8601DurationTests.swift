import Testing
@testable import KursusRecords

@Suite struct ISO8601DurationTests {
    @Test(arguments: [(0, "PT0S"), (59, "PT59S"), (60, "PT1M"), (3600, "PT1H"), (3723, "PT1H2M3S"), (90_061, "PT25H1M1S"), (-5, "PT0S")])
    func writes(seconds: Int, expected: String) {
        #expect(ISO8601Duration.string(seconds: seconds) == expected)
    }

    @Test func readsWhatItWrites() {
        for seconds in [0, 1, 59, 61, 3599, 3601, 86_400, 1_000_000] {
            #expect(ISO8601Duration.seconds(ISO8601Duration.string(seconds: seconds)) == Double(seconds))
        }
    }

    @Test func readsOtherForms() {
        #expect(ISO8601Duration.seconds("P1D") == 86_400)
        #expect(ISO8601Duration.seconds("PT1.5S") == 1.5)
        #expect(ISO8601Duration.seconds("P2W") == 1_209_600)
        #expect(ISO8601Duration.seconds("P1DT2H") == 93_600)
    }

    @Test(arguments: ["", "P", "PT", "1H", "PT1H1H", "PTM", "PT1.5H2M", "P1H", "PT1D", "P1DT", "PT-1S", "PT1M2H"])
    func refusesMalformed(text: String) {
        #expect(ISO8601Duration.seconds(text) == nil)
    }
}
