import Foundation
import Testing

@testable import KursusProgress

/// The `packages:` section of a workstation config: raw values only (KursusPackages
/// reads the key files), and mistakes at their line and column.
@Suite struct PackagesConfigTests {
    @Test func theSectionIsReadAsWritten() throws {
        let config = try WorkstationConfig.parse(
            """
            idle-lock-minutes: 5
            packages:
              require-signature: true
              trusted-keys:
                - keys/region-syd.pub
                - /etc/kursus/keys/it.pub
            """, path: "/etc/kursus/config.yaml")
        #expect(config.packages == PackagesConfig(requireSignature: true, trustedKeys: ["keys/region-syd.pub", "/etc/kursus/keys/it.pub"]))
        #expect(config.idleLockMinutes == 5)
    }

    @Test func noSectionIsNilAndAnEmptySectionHasTheDefaults() throws {
        #expect(try WorkstationConfig.parse("idle-lock-minutes: 5\n", path: "c.yaml").packages == nil)
        #expect(try WorkstationConfig.parse("packages: {}\n", path: "c.yaml").packages == PackagesConfig(requireSignature: false, trustedKeys: []))
    }

    @Test func mistakesAreErrorsAtTheirPlace() throws {
        #expect(
            throws: WorkstationConfigError.invalid(
                path: "c.yaml",
                problems: [
                    .init(line: 2, column: 22, message: "'require-signature' must be true or false"),
                    .init(line: 3, column: 17, message: "'trusted-keys' must be a list of public key files, such as [keys/region.pub]"),
                    .init(line: 4, column: 3, message: "unknown key 'trust' in 'packages'; known keys are 'require-signature', 'trusted-keys'"),
                ])
        ) {
            try WorkstationConfig.parse(
                "packages:\n  require-signature: yes please\n  trusted-keys: keys/a.pub\n  trust: all\n", path: "c.yaml")
        }
        #expect(throws: WorkstationConfigError.self) { try WorkstationConfig.parse("packages:\n  trusted-keys: [[a]]\n", path: "c.yaml") }
        #expect(throws: WorkstationConfigError.self) { try WorkstationConfig.parse("packages: true\n", path: "c.yaml") }
    }
}
