import Foundation
import Testing

@testable import KursusCourse

struct BackgroundValueTests {
    @Test func theValueIsTheWorksResultAndCanBeReadAgain() {
        let value = BackgroundValue<[Int]> { (1...10_000).map { $0 * 2 } }
        #expect(value.value?.count == 10_000)
        #expect(value.value?.last == 20_000)  // a second read does not wait forever
        let none = BackgroundValue<Int?> { nil }
        #expect((none.value ?? 1) == nil)
    }
}
