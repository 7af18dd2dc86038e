/// A one-line text entry: what the learner has typed, with a length limit.
public struct TextField: Hashable, Sendable {
    public var text: String
    public var maximumLength: Int
    /// Digits only, shown masked (PINs).
    public var isSecret: Bool

    public init(_ text: String = "", maximumLength: Int = TextLimits.name, isSecret: Bool = false) {
        self.text = text
        self.maximumLength = maximumLength
        self.isSecret = isSecret
    }

    /// Adds a character; control characters, and anything but digits in a secret field, are refused.
    public mutating func insert(_ character: Character) {
        guard text.count < maximumLength else { return }
        guard let scalar = character.unicodeScalars.first, scalar.value >= 0x20, scalar.value != 0x7F,
            !(0x80...0x9F).contains(scalar.value)
        else { return }
        if isSecret, !(character.isASCII && character.isNumber) { return }
        text.append(character)
    }

    public mutating func deleteBackward() {
        if !text.isEmpty { text.removeLast() }
    }

    /// An empty learner-id field.
    public static var learnerID: TextField { TextField(maximumLength: TextLimits.learnerID) }
    /// An empty PIN field (masked, digits only).
    public static var pin: TextField { TextField(maximumLength: TextLimits.pin, isSecret: true) }

    public var isEmpty: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }
    public var trimmed: String { text.trimmingCharacters(in: .whitespaces) }
}

import Foundation
