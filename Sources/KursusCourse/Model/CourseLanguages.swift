/// A course in several languages (`languages:` in course.yaml): choosing the language
/// whose texts a `Course` value carries, and the texts of every language for records.
extension Course {
    /// Whether the course is written in more than one language.
    public var isMultilingual: Bool { languages.count > 1 }

    /// The language to play for a wish: the wish when the course has it (a region such as
    /// `en-GB` matches `en`), else the main language.
    public func playableLanguage(_ wish: String?) -> String {
        guard let wish, !wish.isEmpty else { return language }
        if languages.contains(wish) { return wish }
        let base = wish.split(separator: "-").first.map(String.init)?.lowercased() ?? wish
        return languages.first { $0.lowercased() == base || $0.split(separator: "-").first?.lowercased() == base } ?? language
    }

    /// The same course with every manifest text in `language` (one of `languages`; any
    /// other gives the main language). Unit titles read from unit files are filled in
    /// by the loader, per language, in `titleTranslations`.
    public func inLanguage(_ language: String) -> Course {
        let chosen = languages.contains(language) ? language : self.language
        var course = self
        course.contentLanguage = chosen
        course.title = titleTranslations[chosen] ?? title
        course.description = descriptionTranslations[chosen] ?? description
        for m in course.modules.indices {
            course.modules[m].title = course.modules[m].titleTranslations[chosen] ?? course.modules[m].title
            course.modules[m].description = course.modules[m].descriptionTranslations[chosen] ?? course.modules[m].description
            for u in course.modules[m].units.indices {
                course.modules[m].units[u].title = course.modules[m].units[u].titleTranslations[chosen] ?? course.modules[m].units[u].title
            }
        }
        return course
    }

    /// The course title in every language, for a record's language map.
    public var titlesByLanguage: [String: String] { Self.byLanguage(title, titleTranslations, languages) }

    /// The description in every language (nil when the course has none).
    public var descriptionsByLanguage: [String: String] {
        guard let description else { return [:] }
        return Self.byLanguage(description, descriptionTranslations, languages)
    }

    /// A text in every language: its translation where there is one, else the text itself.
    public static func byLanguage(_ text: String, _ translations: [String: String], _ languages: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for language in languages { result[language] = translations[language] ?? text }
        return result
    }
}

extension CourseModule {
    /// The module title in each of `languages`.
    public func titlesByLanguage(_ languages: [String]) -> [String: String] {
        Course.byLanguage(title, titleTranslations, languages)
    }
}

extension CourseUnit {
    /// The unit title in each of `languages`.
    public func titlesByLanguage(_ languages: [String]) -> [String: String] {
        Course.byLanguage(title, titleTranslations, languages)
    }
}

extension Course {
    /// The content language to play, by the rule learner setting > `--lang` > locale >
    /// the course's main language; a choice the course lacks gives the main language
    /// (the UI may still be in the chosen language).
    public func chooseLanguage(setting: String? = nil, flag: String? = nil, environment: [String: String] = [:]) -> String {
        for wish in [setting, flag, Self.localeLanguage(environment)] {
            guard let wish, !wish.isEmpty else { continue }
            return playableLanguage(wish)
        }
        return language
    }

    /// The language of the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set):
    /// `da_DK.UTF-8` → `da`; nil for none, `C` or `POSIX`.
    public static func localeLanguage(_ environment: [String: String]) -> String? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let language = value.prefix { $0.isLetter }.lowercased()
            return language == "c" || language == "posix" || language.isEmpty ? nil : language
        }
        return nil
    }
}
