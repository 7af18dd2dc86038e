import Foundation

/// A small course for the learning-record tests: a lesson, a two-question quiz, a
/// survey, an anonymous evaluation survey and a short scenario, none shuffled, so a test
/// knows what each key answers and which statements it makes.
enum RecordsPackage {
    static func make() throws -> URL {
        let folder = try KursusBinary.temporaryFolder("records-package")
        let files: [String: String] = [
            "course.yaml": """
            format: kursus/1
            id: records-test
            title: Registreringstest
            language: da
            version: "1"
            modules:
              - id: m
                title: Modul
                units:
                  - {id: lektion, kind: lesson, title: Kort lektion, file: lektion.md}
                  - {id: quiz, kind: quiz, title: Lille quiz, file: quiz.yaml}
                  - {id: foer, kind: survey, title: Selvvurdering, file: foer.yaml}
                  - {id: eval, kind: survey, title: Evaluering, file: eval.yaml}
                  - {id: scen, kind: scenario, title: Kort scenarie, file: scen.yaml}
            """,
            "lektion.md": "# Kort lektion\n\nEn lektion, der er kortere end skærmen.\n",
            "quiz.yaml": """
            format: kursus-quiz/1
            pass-mark: 50
            feedback: at-end
            questions:
              - id: kamera
                type: single
                text: Borgeren kan ikke se dig. Hvad gør du først?
                options:
                  - text: Ringer op igen.
                    feedback: Spørg først.
                  - text: Spørger, om kameraet er slået fra.
                    correct: true
                    feedback: Ja.
              - id: video
                type: true-false
                text: Man skal altid bruge video.
                answer: false
            """,
            "foer.yaml": """
            format: kursus-quiz/1
            questions:
              - id: tryg
                type: likert
                text: Jeg er tryg ved videokonsultationer.
                scale: [Helt uenig, Uenig, Hverken/eller, Enig, Helt enig]
            """,
            "eval.yaml": """
            format: kursus-quiz/1
            anonymous: true
            questions:
              - id: nyttig
                type: likert
                text: Kurset var nyttigt for mig.
                scale: [Helt uenig, Uenig, Hverken/eller, Enig, Helt enig]
            """,
            "scen.yaml": """
            format: kursus-scenario/1
            id: kort
            title: Kort scenarie
            participants:
              - {id: inger, name: Inger, role: citizen}
            call: {device: tablet, connection: good, camera: true}
            variables:
              score: 0
            pass: {min-score: 2}
            nodes:
              - {id: hej, say: inger, text: Hallo?, next: v1}
              - id: v1
                choice: Hvad gør du?
                options:
                  - {text: Hilser og præsenterer dig, feedback: Godt, quality: good, goto: slut-godt, effects: [{add: score, value: 2}]}
                  - {text: Går i gang med det samme, feedback: Nej, quality: poor, goto: slut-skidt}
              - {id: slut-godt, ending: Godt, rating: good, debrief: Du hilste først.}
              - {id: slut-skidt, ending: Skidt, rating: poor, debrief: Hils først.}
            """,
        ]
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }
}
