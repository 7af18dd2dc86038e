/// One open container. It is one flat struct, not an enum with the fields of each
/// kind as payloads, so that a field is read and changed in place: taking a payload
/// out and putting it back copied the whole container several times per list
/// item, most of the time a list of a million items took to lay out.
struct OpenContainer {
    /// What the container is.
    enum Kind {
        case quote
        case list
        case item
    }

    var kind: Kind
    /// `blocks` when the container opened; more means it has content.
    var blocksAtEntry: Int
    /// The prefix of continuation lines inside this container (its own
    /// segment after those of the containers around it); nil when it
    /// would be wider than the budget (as it is then for every container
    /// inside, so deep nesting costs no more than shallow).
    var rest: LinePrefix?
    /// Nested deeper than `NestingLimit.maximumDepth`: shows no bar, marker or
    /// indentation of its own.
    var flat = false

    // A list's fields.
    var ordered = false
    var tight = true
    var nextNumber = 0
    var numberWidth = 0
    var parenthesis = false
    var bulletDepth = 0
    /// The continuation prefix of the list's items (`rest` of each) and the marker
    /// width it was made for (-1: none yet): the items of a list mostly have
    /// markers of one width, so a long list builds it once.
    var itemRestWidth = -1
    var itemRest: LinePrefix? = nil
    /// The first-line prefix of the last bullet item whose marker stood alone
    /// after the list's own continuation prefix, and that marker ("": none yet).
    var firstLineMarker = ""
    var firstLine = LinePrefix.none

    // An item's fields.
    var marker = ""
    var markerWidth = 0
    var markerShown = false
}
