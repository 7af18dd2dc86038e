import Foundation

/// A small course with every unit kind, for the linear mode's transcript test: a lesson
/// of several pages, a quiz with every answerable question kind (feedback after each), a
/// survey, and a scenario with a say, a narration, an event, a choice and an ending.
/// Some of its text is hostile (an escape sequence, C1 controls) and must print cleaned.
enum LinearFixture {
    static let escape = "\u{1B}]0;owned\u{07}\u{1B}[2J"
    static let c1 = "\u{9B}31m\u{85}"
    // The scenario file has the same in YAML's escapes: YAML itself refuses raw controls.

    static func write(to folder: URL) throws {
        let files: [String: String] = [
            "course.yaml": """
            format: kursus/1
            id: linear-fixture
            title: Linear fixture
            language: en
            version: 1.0.0
            modules:
              - id: reading
                title: Reading
                units:
                  - id: long-lesson
                    kind: lesson
                    title: A long lesson
                    file: lessons/long.md
              - id: checking
                title: Checking
                units:
                  - id: check
                    kind: quiz
                    title: Check yourself
                    file: quizzes/check.yaml
                  - id: opinion
                    kind: survey
                    title: Your opinion
                    file: quizzes/opinion.yaml
              - id: practice
                title: Practice
                units:
                  - id: call
                    kind: scenario
                    title: A short call
                    file: scenarios/call.yaml

            """,
            "lessons/long.md": lesson,
            "quizzes/check.yaml": """
            format: kursus-quiz/1
            title: Check yourself
            intro: Eight short questions.
            pass-mark: 50
            attempts: 2
            feedback: after-each
            questions:
              - id: q-single
                type: single
                text: Which cable is best for a video call?
                options:
                  - text: A wireless link far from the router
                  - text: A network cable
                    correct: true
                    feedback: Yes, a cable is stable.
                  - text: No network at all
              - id: q-multiple
                type: multiple
                text: Which belong on the checklist?
                options:
                  - text: Camera at eye level
                    weight: 50
                  - text: Music in the background
                    weight: -50
                  - text: Power connected
                    weight: 50
              - id: q-true-false
                type: true-false
                text: Sitting with a window behind you lights your face well.
                answer: false
                false-feedback: Right. Light should come from the front.
              - id: q-short
                type: short
                text: What do you call the agreement for a dropped call?
                answers:
                  - text: "plan*b"
                    feedback: Yes, plan B.
              - id: q-numeric
                type: numeric
                text: How many times do you call again on video before you phone?
                answers:
                  - value: 1
                    tolerance: 0
              - id: q-matching
                type: matching
                text: Match each problem with the first step.
                pairs:
                  - prompt: Choppy sound
                    match: Turn your video off
                  - prompt: Only the ceiling shows
                    match: Stand the tablet up
              - id: q-ordering
                type: ordering
                text: Put the opening in order.
                items:
                  - Greet
                  - Check sound and picture
                  - Agree on the plan
              - id: q-description
                type: description
                text: That was the last question.

            """,
            "quizzes/opinion.yaml": """
            format: kursus-quiz/1
            title: Your opinion
            questions:
              - id: useful
                type: likert
                text: The course was useful.
                scale: [Disagree, Neutral, Agree]
              - id: missing
                type: text
                text: What did you miss?

            """,
            "scenarios/call.yaml": """
            format: kursus-scenario/1
            id: call
            title: A short call
            participants:
              - id: birthe
                name: Birthe
                role: citizen
            call:
              device: tablet
              connection: good
            nodes:
              - id: start
                narration: "Birthe calls from her kitchen.\\x9B31m\\N"
                next: angle
              - id: angle
                event: bad-camera-angle
                text: You see only the ceiling.
                next: hello
              - id: hello
                say: birthe
                text: "Hello? Can you see me?\\e]0;owned\\a\\e[2J"
                next: choose
              - id: choose
                choice: You see only the ceiling. What do you say?
                options:
                  - text: Could you stand the tablet up against something?
                    feedback: You say what you see and suggest one step.
                    quality: good
                    goto: thanks
                  - text: Let us do it without a picture today.
                    feedback: The picture is the point of the call.
                    quality: poor
                    goto: end-poor
              - id: thanks
                say: birthe
                text: There. Now you can see me.
                next: end-good
              - id: end-good
                ending: Birthe is ready
                rating: good
                debrief: Birthe stood the tablet up and you could see her.
                learning-points:
                  - Say what you see, and give one step at a time.
              - id: end-poor
                ending: No picture
                rating: poor
                debrief: Without a picture the call lost its point.

            """,
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A lesson of about 45 lines: three pages of 20 lines, with a heading, a list, a link,
    /// a rule and a table (decoration a screen reader must not hear).
    static var lesson: String {
        var text = "---\ntitle: A long lesson\nobjectives:\n  - Read a lesson page by page\n---\n# Before the call\n\n"
        text += "Hostile text follows:\(escape) and \(c1) end.\n\n"
        for number in 1...14 {
            text += "Paragraph \(number): prepare the room, the light and the sound before the citizen calls.\n\n"
        }
        text += "- First point\n- Second point\n\nSee [the guide](https://example.org/guide) for more.\n\n---\n\n"
        text += "| Problem | First step |\n|---|---|\n| Echo | Mute one device |\n\nThe last line of the lesson.\n"
        return text
    }
}
