import Testing
@testable import KursusCourse

private func markdown(_ html: String) -> String {
    GiftHTML.text(fromHTML: html, mode: .markdown)
}

private func plain(_ html: String) -> String {
    GiftHTML.text(fromHTML: html, mode: .plain)
}

@Suite("GIFT HTML to Markdown")
struct GiftHTMLTests {
    @Test("tags are stripped; paragraphs, line breaks and lists keep their shape")
    func structure() {
        #expect(markdown("<p>One</p><div>Two<br/>Three</div>") == "One\n\nTwo\\\nThree")
        #expect(markdown("<ul><li>a</li><li>b</li></ul><p>after</p>") == "- a\n- b\n\nafter")
        #expect(markdown("<ol><li> 1. first</li><li>#2</li></ol>") == "- 1\\. first\n- \\#2")
        #expect(plain("<p>One</p><p>Two<br>Three</p>") == "One\n\nTwo\nThree")
        #expect(markdown("<span class=\"x\">plain</span> <a href=\"u\">link</a>") == "plain link")
    }

    @Test("bold and italic become Markdown emphasis, hugging the text")
    func emphasis() {
        #expect(markdown("<b>bold</b> <strong>strong</strong> <i>it</i> <em>em</em>") == "**bold** **strong** *it* *em*")
        #expect(markdown("<b> spaced </b>word") == "**spaced** word")
        #expect(markdown("a<b></b>b") == "ab")
        #expect(plain("<b>bold</b>") == "bold")
    }

    @Test("images become their alt text in brackets")
    func images() {
        #expect(markdown("See <img src=\"a.png\" alt=\"a red cross\"> here") == "See \\[a red cross\\] here")
        #expect(plain("<IMG ALT='x &amp; y' src=b.png>") == "[x & y]")
        #expect(plain("<img src=\"a.png\">") == "[image]")
    }

    @Test("script and style contents are dropped, comments too")
    func scriptsAndStyles() {
        #expect(markdown("a<script>alert('<b>x</b>')</script>b<style>p{color:red}</style>c<!-- note -->d") == "abcd")
        #expect(markdown("x<SCRIPT type=\"t\">never closed") == "x")
        #expect(markdown("x<!-- never closed") == "x")
    }

    @Test("entities are decoded, and the result escaped for Markdown")
    func entities() {
        #expect(
            plain("&amp; &lt; &gt; &quot; &#39; &#230; &#xE6; &aelig;&oslash;&aring; &AElig;&Oslash;&Aring;")
                == "& < > \" ' æ æ æøå ÆØÅ")
        #expect(markdown("&lt;b&gt; &amp; 2*3") == "\\<b\\> \\& 2\\*3")
        #expect(plain("a&nbsp;&nbsp;b") == "a b")
        #expect(plain("&unknown; &#xZZ; & alone") == "&unknown; &#xZZ; & alone")
        #expect(plain("bell&#7;&#0;&#xD800;") == "bell\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test("whitespace collapses as in HTML; text that looks like Markdown is escaped")
    func whitespaceAndEscaping() {
        #expect(markdown("  a \n\t b  ") == "a b")
        #expect(markdown("<p># not heading</p><p>1. not a list</p><p>- no item</p>") == "\\# not heading\n\n1\\. not a list\n\n\\- no item")
        #expect(markdown("a_b [c] `d` ~e~ |f|") == "a\\_b \\[c\\] \\`d\\` \\~e\\~ \\|f\\|")
    }

    @Test("broken HTML never stops the conversion")
    func broken() {
        #expect(plain("a < b and c > d") == "a < b and c > d")
        #expect(plain("x <b unclosed") == "x <b unclosed")
        #expect(plain("<<<>>>") == "<<<>>>")
        #expect(plain("</>") == "")
        #expect(plain("<p") == "<p")
        let many = String(repeating: "<a", count: 20_000)
        #expect(plain(many).count == 40_000)
        let entities = String(repeating: "&", count: 20_000)
        #expect(plain(entities).count == 20_000)
    }
}
