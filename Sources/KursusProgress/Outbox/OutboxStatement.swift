/// One learning record on its way out: a statement's id (a lowercase UUID) and its
/// exact JSON, compact, on one line. The progress layer stores these without reading
/// them; `KursusRecords` makes them and sends them.
public struct OutboxStatement: Hashable, Sendable, Codable {
    public var id: String
    public var json: String

    public init(id: String, json: String) {
        self.id = id
        self.json = json
    }
}
