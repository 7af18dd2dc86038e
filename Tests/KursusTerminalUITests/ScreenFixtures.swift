import KursusCourse
import KursusEngine
import KursusMarkdown
@testable import KursusTerminalUI

enum ScreenFixtures {
    static let here = SourceLocation(file: "course.yaml")

    static func unit(_ id: String, _ title: String, minutes: Int? = nil, optional: Bool = false) -> CourseUnit {
        CourseUnit(id: id, kind: .lesson, title: title, file: "\(id).md", optional: optional, estimatedMinutes: minutes, location: here)
    }

    static let course = Course(
        id: "digital", title: "Bliv digitalt kompetent", language: "da", version: "1",
        modules: [
            CourseModule(
                id: "m1", title: "Videokonsultationer i praksis",
                units: [
                    unit("a", "Før konsultationen: teknik og forberedelse", minutes: 8),
                    unit("b", "At skabe kontakt gennem skærmen", minutes: 10),
                    unit("c", "Når teknikken svigter", minutes: 7),
                    unit("d", "Afslutning og opfølgning", minutes: 6, optional: true),
                ], location: here),
            CourseModule(
                id: "m2", title: "Vejledning af borgere i digitale løsninger",
                units: [
                    unit("e", "En meget lang titel der ikke kan stå på én linje i et smalt terminalvindue uden at blive afkortet")
                ], location: here),
        ],
        location: here
    )

    static func context(_ language: String = "da", symbols: Symbols = .unicode) throws -> ScreenContext {
        var strings = try UIStrings.load(language: language, assets: Repository.assets)
        strings.asciiOnly = !symbols.isUnicode
        return ScreenContext(strings: strings, symbols: symbols, learnerName: "anna")
    }

    static func state(columns: Int = 80, rows: Int = 24, progress: LearnerProgress = .empty) -> PlayerState {
        PlayerState(course: course, progress: progress, viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
    }

    /// Views whose lessons all read `lessonMarkdown` and whose scenarios have the
    /// bundled portraits.
    static func views() -> UnitViews {
        UnitViews(
            lessonText: { _ in lessonMarkdown },
            portraits: { ScenarioPortraits.loadAll(for: $0, packageRoot: ScenarioScreenFixtures.package, assets: Repository.assets).portraits }
        )
    }

    static let lessonMarkdown = """
        ## Når billedet fryser

        Et frosset billede er et almindeligt teknisk problem i en videokonsultation. Sig det højt, så borgeren ved, at du har opdaget det:

        - Fortæl, hvad du ser: »Dit billede står stille hos mig.«
        - Aftal på forhånd, hvad I gør, hvis forbindelsen ryger.

        | Problem | Første skridt |
        |---|---|
        | Ingen lyd | Bed borgeren tjekke, om mikrofonen er slået fra. |
        """
}
