import Foundation
@testable import KursusCourse
import Testing

/// `languages:` in course.yaml and text fields given per language.
@Suite("course.yaml in several languages")
struct ManifestLanguagesTests {
    static func parse(_ text: String) -> (Course?, [Diagnostic]) {
        var parser = ManifestParser(file: "course.yaml")
        let course = parser.parse(text)
        return (course, parser.diagnostics)
    }

    static func manifest(languages: String = "languages: [da, en]", title: String = "title: {da: Kursus, en: Course}", unitTitle: String = "")
        -> String
    {
        """
        format: kursus/1
        id: k
        \(title)
        language: da
        \(languages)
        version: "1"
        modules:
          - id: m
            title: {da: Modul, en: Module}
            units:
              - id: u
                kind: lesson
                file: u.md
        \(unitTitle)
        """
    }

    @Test func mapsGiveEveryLanguageAndTheMainTextFirst() throws {
        let (course, diagnostics) = Self.parse(Self.manifest(unitTitle: "        title: {da: Lektion, en: Lesson}"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(course)
        #expect(parsed.languages == ["da", "en"])
        #expect(parsed.language == "da")
        #expect(parsed.title == "Kursus")
        #expect(parsed.titleTranslations == ["da": "Kursus", "en": "Course"])
        #expect(parsed.modules[0].title == "Modul")
        #expect(parsed.allUnits[0].title == "Lektion")
        let english = parsed.inLanguage("en")
        #expect(english.contentLanguage == "en")
        #expect(english.title == "Course")
        #expect(english.modules[0].title == "Module")
        #expect(english.allUnits[0].title == "Lesson")
        #expect(english.inLanguage("da") == parsed)
        #expect(parsed.playableLanguage("en-GB") == "en")
        #expect(parsed.playableLanguage("de") == "da")
        #expect(parsed.playableLanguage(nil) == "da")
    }

    @Test func aCourseInOneLanguageIsAsBefore() throws {
        let (course, diagnostics) = Self.parse(
            Self.manifest(languages: "", title: "title: Kursus").replacingOccurrences(of: "{da: Modul, en: Module}", with: "Modul"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(course)
        #expect(parsed.languages == ["da"])
        #expect(!parsed.isMultilingual)
        #expect(parsed.titleTranslations.isEmpty)
    }

    @Test func aMissingLanguageIsAnErrorAtTheMap() {
        let (_, diagnostics) = Self.parse(Self.manifest(title: "title: {da: Kursus}"))
        #expect(
            diagnostics.map(\.description) == [
                "course.yaml:3:8: error: 'title' has no text in 'en'; give a text in every language of the course (da, en)"
            ])
    }

    @Test func anUnknownLanguageIsAnErrorAtItsKey() {
        let (_, diagnostics) = Self.parse(Self.manifest(title: "title: {da: Kursus, en: Course, de: Kurs}"))
        #expect(
            diagnostics.map(\.description) == [
                "course.yaml:3:33: error: 'title' has a text in 'de', which is not a language of the course (da, en); did you mean 'da'?"
            ])
    }

    @Test func aLanguageListedTwiceOrNotFirstIsAnError() {
        let (_, twice) = Self.parse(Self.manifest(languages: "languages: [da, en, en]"))
        #expect(twice.map(\.description) == ["course.yaml:5:21: error: language 'en' is listed twice in 'languages'"])
        let (_, order) = Self.parse(Self.manifest(languages: "languages: [en, da]"))
        #expect(order.map(\.description) == ["course.yaml:5:13: error: the main language 'da' (from 'language') must come first in 'languages'"])
        let (_, absent) = Self.parse(Self.manifest(languages: "languages: [en]"))
        #expect(
            absent.map(\.description) == [
                "course.yaml:5:13: error: 'languages' must include the main language 'da' (from 'language'), first: [da, en]"
            ])
        let (_, badTag) = Self.parse(Self.manifest(languages: "languages: [da, english]").replacingOccurrences(of: "en:", with: "english:"))
        #expect(badTag.map(\.description) == ["course.yaml:5:17: error: 'english' is not a language tag such as 'da' or 'en'"])
    }

    @Test func aMapInACourseInOneLanguageIsAnError() {
        let (_, diagnostics) = Self.parse(Self.manifest(languages: ""))
        #expect(
            diagnostics.map(\.description).contains(
                "course.yaml:3:8: error: 'title' is a map of languages, but the course lists no 'languages'; write one text, or add 'languages: [da, en]'"
            ))
    }

    @Test func anEmptyTranslationOfARequiredTextIsAnError() {
        let (_, diagnostics) = Self.parse(Self.manifest(title: "title: {da: Kursus, en: \"\"}"))
        #expect(diagnostics.map(\.description) == ["course.yaml:3:25: error: 'title' in 'en' must not be empty"])
    }

    @Test func translationFilesSitBesideTheMainFile() {
        #expect(TranslationFile.path("lektioner/01-foer.md", language: "en") == "lektioner/01-foer.en.md")
        #expect(TranslationFile.path("quizzer/x.gift", language: "en") == "quizzer/x.en.gift")
        #expect(TranslationFile.path("a.b/noext", language: "en") == "a.b/noext.en")
        #expect(TranslationFile.path(".hidden", language: "en") == ".hidden.en")
    }
}
