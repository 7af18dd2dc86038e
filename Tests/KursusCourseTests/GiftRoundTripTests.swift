import Foundation
@testable import KursusCourse
import Testing

/// GIFT → YAML (import-gift) → the YAML reader gives back the same quiz.
@Suite("GIFT import round trip")
struct GiftRoundTripTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The quiz without places, which necessarily differ between the two files.
    static func placeless(_ quiz: Quiz) -> Quiz {
        var quiz = quiz
        let nowhere = SourceLocation(file: "")
        quiz.location = nowhere
        quiz.settingPlaces = [:]
        quiz.questions = quiz.questions.map { question in
            var question = question
            question.location = nowhere
            switch question.kind {
            case .singleChoice(let options):
                question.kind = .singleChoice(
                    options.map {
                        var o = $0; o.location = nil; return o
                    })
            case .multipleResponse(let options):
                question.kind = .multipleResponse(
                    options.map {
                        var o = $0; o.location = nil; return o
                    })
            case .shortAnswer(var rules):
                rules.answers = rules.answers.map {
                    var a = $0; a.location = nil; return a
                }
                question.kind = .shortAnswer(rules)
            case .numeric(let answers):
                question.kind = .numeric(
                    answers.map {
                        var a = $0; a.location = nil; return a
                    })
            case .matching(var spec):
                spec.pairs = spec.pairs.map {
                    var p = $0; p.location = nil; return p
                }
                question.kind = .matching(spec)
            default: break
            }
            return question
        }
        return quiz
    }

    func roundTrip(_ gift: String) throws {
        let imported = GiftParser.parse(gift, file: "bank.gift")
        #expect(!imported.diagnostics.hasErrors, "\(imported.diagnostics)")
        let quiz = try #require(imported.quiz)
        let yaml = QuizYAMLWriter.yaml(for: quiz)
        let reread = QuizFile.parse(yaml, file: "bank.yaml")
        #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics.map(\.description))\n\(yaml)")
        let back = try #require(reread.quiz)
        #expect(Self.placeless(back) == Self.placeless(quiz), "\(yaml)")
    }

    @Test("the bundled Moodle export survives the trip unchanged")
    func bundled() throws {
        let file = Self.repository.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1/quizzer/teknik-moodle.gift")
        try roundTrip(String(contentsOf: file, encoding: .utf8))
    }

    @Test("every GIFT question kind survives the trip unchanged")
    func everyKind() throws {
        try roundTrip(
            """
            // A bank with one of each
            $CATEGORY: $course$/top/Video

            ::Kamera::[html]<p>Borgeren kan <b>ikke</b> se dig. Hvad gør du?</p>{
              =Spørger til kameraet#Ja.
              ~Ringer op igen#Spørg først.
              ~Genstarter
            ####Start med det enkleste.}

            ::Flere:: Hvad tjekker du? {~%50%Lyd ~%50%Lys ~%-100%Vejret}

            Video kræver altid kamera.{FALSE#Nej, det gør det ikke.#Rigtigt.}

            Metoden hedder {=teach*back =%50%gentag*}.

            Hvor mange forsøg? {#2:1}

            Interval? {#1..5}

            Par: {=Ingen lyd -> Tjek mikrofon =Sort billede -> Tjek kamera = -> Genstart routeren}

            Skriv en kommentar.{}

            Bare tekst uden spørgsmål.

            Tjek altid {=lyden ~vejret} før opkaldet.

            Tegn\\: kolon og \\= lighedstegn {=ja ~nej}
            """)
    }
}
