import CYaml

/// Reads the common shape of a lesson's front matter straight from libyaml's events,
/// without composing a Yams tree: a mapping of the known keys only (`title` a text,
/// `minutes` a plain whole number from 1 to 600, `objectives` a list of texts), no tags,
/// anchors or aliases, no key twice. That is what almost every lesson has, and what the
/// course menu needs from each of them; composing it through Yams cost a large course's
/// first frame about a third of its time.
///
/// Anything else gives nil, and `LessonText` reads the front matter the full way, which
/// reports every problem at its place. So the reader only ever answers where the full
/// way finds no problem and gives the same values (tested on both ways side by side):
/// it never has to say what is wrong.
enum FrontMatterReader {
    /// The front matter and its keys in the order written, or nil: read it the full way.
    static func read(_ yaml: String) -> (frontMatter: FrontMatter, keys: [String])? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        var copy = yaml
        return copy.withUTF8 { bytes -> (FrontMatter, [String])? in
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var reader = Events(parser: parser)
            return reader.frontMatter()
        }
    }

    /// The events of one parse, read in order; any parse error ends the reading.
    private struct Events {
        let parser: UnsafeMutablePointer<yaml_parser_t>

        /// The next event's type and, for a scalar, its text (nil for any scalar with a
        /// tag or an anchor); nil at a syntax error.
        mutating func next() -> (type: yaml_event_type_t, scalar: Scalar?)? {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                guard data.tag == nil, data.anchor == nil else { return (event.type, nil) }
                let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                return (event.type, Scalar(text: text, plain: data.style == YAML_PLAIN_SCALAR_STYLE))
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                return data.tag == nil && data.anchor == nil ? (event.type, nil) : (YAML_NO_EVENT, nil)
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                return data.tag == nil && data.anchor == nil ? (event.type, nil) : (YAML_NO_EVENT, nil)
            default:
                return (event.type, nil)
            }
        }

        struct Scalar {
            var text: String
            var plain: Bool
        }

        /// The whole stream: nothing at all, or one document holding one mapping.
        mutating func frontMatter() -> (FrontMatter, [String])? {
            guard next()?.type == YAML_STREAM_START_EVENT else { return nil }
            switch next()?.type {
            case YAML_STREAM_END_EVENT: return (FrontMatter(), [])
            case YAML_DOCUMENT_START_EVENT: break
            default: return nil
            }
            guard next()?.type == YAML_MAPPING_START_EVENT, let read = mapping(), next()?.type == YAML_DOCUMENT_END_EVENT,
                next()?.type == YAML_STREAM_END_EVENT
            else { return nil }
            return read
        }

        /// The mapping's pairs, after its start event, up to and with its end event.
        mutating func mapping() -> (FrontMatter, [String])? {
            var frontMatter = FrontMatter()
            var keys: [String] = []
            while let event = next() {
                if event.type == YAML_MAPPING_END_EVENT { return (frontMatter, keys) }
                guard event.type == YAML_SCALAR_EVENT, let key = event.scalar?.text, !keys.contains(key) else { return nil }
                keys.append(key)
                switch key {
                case "title":
                    guard let value = next(), value.type == YAML_SCALAR_EVENT, let title = value.scalar else { return nil }
                    frontMatter.title = title.text
                case "minutes":
                    guard let value = next(), value.type == YAML_SCALAR_EVENT, let minutes = value.scalar, minutes.plain,
                        let number = Self.minutes(minutes.text)
                    else { return nil }
                    frontMatter.minutes = number
                case "objectives":
                    guard next()?.type == YAML_SEQUENCE_START_EVENT, let items = texts() else { return nil }
                    frontMatter.objectives = items
                default:
                    return nil
                }
            }
            return nil
        }

        /// A list's texts, after its start event, up to and with its end event.
        mutating func texts() -> [String]? {
            var items: [String] = []
            while let event = next() {
                if event.type == YAML_SEQUENCE_END_EVENT { return items }
                guard event.type == YAML_SCALAR_EVENT, let item = event.scalar else { return nil }
                items.append(item.text)
            }
            return nil
        }

        /// A plain number of minutes in 1...600 written as plain decimal digits (no sign,
        /// no leading zero, which YAML 1.1 reads as octal); anything else is left to the
        /// full reader.
        static func minutes(_ text: String) -> Int? {
            let digits = text.utf8
            guard (1...3).contains(digits.count), digits.first != UInt8(ascii: "0"),
                digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let value = Int(text), (1...600).contains(value)
            else { return nil }
            return value
        }
    }
}
