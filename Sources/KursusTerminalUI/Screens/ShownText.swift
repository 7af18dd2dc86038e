import KursusText

extension Symbols {
    /// Text as this terminal shows it: as it is with UTF-8; without, spelled in ASCII
    /// (ø → oe) before it is measured and cut, so a cut line still ends in "...". Text
    /// drawn without this is spelled out when the grid is copied (`ASCIIRows`).
    func shown(_ text: String) -> String {
        isUnicode ? text : ASCIITransliteration.transliterate(text)
    }
}
