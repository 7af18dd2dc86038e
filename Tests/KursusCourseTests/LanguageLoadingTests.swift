import Foundation
@testable import KursusCourse
import Testing

/// Loading a course in one of its languages: every language's files read once, the
/// played one's texts in the course, quizzes and scenarios.
@Suite("Loading a package in a language")
struct LanguageLoadingTests {
    @Test func theFixtureLoadsInDanishByDefaultWithEveryLanguageRead() throws {
        let (loaded, diagnostics) = CoursePackageLoader.load(BilingualFixture.folder, shownAs: "kursus")
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        let package = try #require(loaded)
        #expect(package.language == "da")
        #expect(package.course.title == "Et kursus på to sprog")
        #expect(package.course.languages == ["da", "en"])
        #expect(package.lessonFiles["velkommen"] == "lektioner/01-velkommen.md")
        #expect(package.quizzes["tjek"]?.questions.first?.text.hasPrefix("En borger ringer") == true)
        #expect(Set(package.contents.keys) == ["da", "en"])
        #expect(package.contents["en"]?.quizFiles["moodle"] == "quizzer/moodle.en.gift")
        // A unit without a title in course.yaml takes each language's title from its file.
        #expect(package.course.unit(withID: "velkommen")?.titleTranslations == ["da": "Velkommen til kurset", "en": "Welcome to the course"])
        #expect(package.fingerprint?.hasPrefix("sha256:") == true)
    }

    @Test func englishGivesTheEnglishTextsAndTheSameIdsAndFingerprint() throws {
        let (loaded, diagnostics) = CoursePackageLoader.load(BilingualFixture.folder, shownAs: "kursus", language: "en")
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        let english = try #require(loaded)
        let danish = try #require(CoursePackageLoader.load(BilingualFixture.folder, shownAs: "kursus").package)
        #expect(english.language == "en")
        #expect(english.course.contentLanguage == "en")
        #expect(english.course.title == "A course in two languages")
        #expect(english.course.modules.map(\.title) == ["Basics", "Practice"])
        #expect(
            english.course.allUnits.map(\.title) == [
                "Welcome to the course", "Check yourself", "From Moodle", "A conversation on video", "Evaluation",
            ])
        #expect(english.course.allUnits.map(\.id) == danish.course.allUnits.map(\.id))
        #expect(english.lessonFiles["velkommen"] == "lektioner/01-velkommen.en.md")
        #expect(try english.lesson(try #require(english.course.unit(withID: "velkommen"))).body.contains("The course is short."))
        #expect(english.scenarios["samtale"]?.title == "A conversation on video")
        #expect(
            english.course.allUnits.first?.objectives == ["You can explain what the course is about.", "You can find your way around the course."])
        #expect(english.fingerprint == danish.fingerprint)
        // Switching without reading again gives the same package as loading in that language.
        let switched = danish.inLanguage("en")
        #expect(switched.course == english.course)
        #expect(switched.quizzes == english.quizzes)
        #expect(switched.inLanguage("da").course == danish.course)
    }

    @Test func aLanguageTheCourseLacksGivesTheMainLanguage() throws {
        let package = try #require(CoursePackageLoader.load(BilingualFixture.folder, shownAs: "kursus", language: "de").package)
        #expect(package.language == "da")
        #expect(package.course.title == "Et kursus på to sprog")
    }

    @Test func aMissingTranslationIsAnErrorAtTheUnitNamingTheFile() throws {
        let copy = try BilingualFixture.copy()
        defer { copy.remove() }
        try FileManager.default.removeItem(at: copy.root.appendingPathComponent("quizzer/tjek.en.yaml"))
        let diagnostics = CoursePackageLoader.load(copy.root, shownAs: "kursus").diagnostics
        #expect(
            diagnostics.map(\.description) == [
                "kursus/course.yaml:21:9: error: unit 'tjek': the 'en' translation 'quizzer/tjek.en.yaml' is missing; the course is in da, en, so every unit needs a file in each (beside the main file, with the language before the extension)"
            ])
    }

    @Test func aBrokenTranslationIsReportedInItsOwnFile() throws {
        let copy = try BilingualFixture.copy([("scenarier/samtale.en.yaml", "goto: middel}", "goto: nowhere}")])
        defer { copy.remove() }
        let diagnostics = CoursePackageLoader.load(copy.root, shownAs: "kursus").diagnostics
        #expect(diagnostics.hasErrors)
        #expect(diagnostics.errors.allSatisfy { $0.location.file == "kursus/scenarier/samtale.en.yaml" }, "\(diagnostics.map(\.description))")
    }
}
