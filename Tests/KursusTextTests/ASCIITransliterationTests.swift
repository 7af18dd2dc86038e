import KursusText
import Testing

@Suite("ASCII transliteration")
struct ASCIITransliterationTests {
    @Test("Danish letters as Danish spells them without them")
    func danish() {
        #expect(ASCIITransliteration.transliterate("Mette Sørensen") == "Mette Soerensen")
        #expect(ASCIITransliteration.transliterate("Diætister") == "Diaetister")
        #expect(ASCIITransliteration.transliterate("Århus Æblegård Østerbro") == "Aarhus Aeblegaard Oesterbro")
        #expect(ASCIITransliteration.transliterate("ÆØÅ æøå") == "AEOEAA aeoeaa")
    }

    @Test("a capital spelled with two letters is all capitals in a word of capitals")
    func capitals() {
        #expect(ASCIITransliteration.transliterate("FORHÅNDSVISNING") == "FORHAANDSVISNING")
        #expect(ASCIITransliteration.transliterate("ÆBLE Ærø Å") == "AEBLE Aeroe Aa")
        #expect(ASCIITransliteration.transliterate("SØ") == "SOE")
    }

    @Test("other Latin letters lose their diacritics")
    func latin() {
        #expect(ASCIITransliteration.transliterate("café naïve Müller Łódź") == "cafe naive Muller Lodz")
        #expect(ASCIITransliteration.transliterate("Straße Œuvre") == "Strasse OEuvre")
        #expect(ASCIITransliteration.transliterate("e\u{301}") == "e", "a combining accent keeps its base letter")
    }

    @Test("typographic punctuation becomes its ASCII look-alike")
    func punctuation() {
        #expect(ASCIITransliteration.transliterate("»Dit billede står stille« – ikke…") == ">>Dit billede staar stille<< - ikke...")
        #expect(ASCIITransliteration.transliterate("“quoted” ‘single’ a—b") == "\"quoted\" 'single' a--b")
        #expect(ASCIITransliteration.transliterate("a\u{00A0}b") == "a b")
    }

    @Test("anything else is one ? per character")
    func unknown() {
        #expect(ASCIITransliteration.transliterate("日本 👍🏽 ∑") == "?? ? ?")
        #expect(ASCIITransliteration.ascii("👨‍👩‍👧") == "?")
    }

    @Test("ASCII text is returned unchanged")
    func ascii() {
        let text = "Plain ASCII, with [brackets] and 100 %"
        #expect(ASCIITransliteration.transliterate(text) == text)
    }
}
