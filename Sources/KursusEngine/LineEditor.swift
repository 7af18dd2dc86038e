/// A one-line text editor with a cursor: the learner's short, numeric and free-text
/// answers. Works on characters (grapheme clusters), so æ, ø, å and combined accents
/// move and delete as one. Control characters are refused; the length is capped.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters` where the next character goes (0…count).
    public private(set) var cursor: Int
    public var maximumLength: Int

    public init(_ text: String = "", maximumLength: Int = 2000) {
        self.maximumLength = max(1, maximumLength)
        characters = Array(text.prefix(self.maximumLength))
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isBlank: Bool { characters.allSatisfy { $0.isWhitespace } }

    public mutating func apply(_ edit: TextEdit) {
        switch edit {
        case .insert(let character): insert(character)
        case .deleteBackward:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        }
    }

    mutating func insert(_ character: Character) {
        guard characters.count < maximumLength else { return }
        guard let scalar = character.unicodeScalars.first else { return }
        let value = scalar.value
        guard value >= 0x20, value != 0x7F, !(0x80...0x9F).contains(value) else { return }
        // Bidirectional overrides and zero-width joiners on their own could hide text.
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }
}
