import Foundation
import Testing
@testable import KursusRecords

@Suite("Statement validator")
struct StatementValidatorTests {
    @Test("every example statement of the xAPI 1.0.3 specification passes", arguments: XAPISpecExamples.all.map(\.name))
    func specificationExamples(name: String) throws {
        let example = try #require(XAPISpecExamples.all.first { $0.name == name })
        #expect(StatementValidator.problems(in: Data(example.json.utf8)) == [], "\(example.section)")
    }

    static let base: JSONValue = [
        "id": "f84056ed-0ce6-550d-ab6f-e835ce3af859",
        "actor": ["objectType": "Agent", "account": ["homePage": "https://kursus.invalid", "name": "anna"]],
        "verb": ["id": "http://adlnet.gov/expapi/verbs/answered", "display": ["en": "answered", "da": "besvarede"]],
        "object": [
            "objectType": "Activity", "id": "https://kursus.invalid/xapi/q",
            "definition": [
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "choice",
                "choices": [["id": "a", "description": ["da": "A"]], ["id": "b"]], "correctResponsesPattern": ["a"],
            ],
        ],
        "result": [
            "response": "a", "success": true, "duration": "PT4S", "score": ["scaled": 1, "raw": 10, "min": 0, "max": 10],
            "extensions": ["https://kursus.invalid/xapi/extensions/feedback": ["da": "Ja."]],
        ],
        "context": [
            "registration": "c57ae70f-018e-5716-a16b-515553c49f3c", "revision": "1.0.0", "platform": "Kursus", "language": "da",
            "contextActivities": ["parent": [["id": "https://kursus.invalid/xapi/quiz"]]],
        ],
        "timestamp": "2025-03-04T09:15:02.250Z",
    ]

    /// `value` with the member at `path` replaced (nil removes it).
    static func setting(_ value: JSONValue, _ path: [String], _ new: JSONValue?) -> JSONValue {
        guard let key = path.first, case .object(var members) = value else { return new ?? value }
        if path.count == 1 {
            members[key] = new
        } else {
            members[key] = setting(members[key] ?? [:], Array(path.dropFirst()), new)
        }
        return .object(members)
    }

    static func broken(_ path: String, _ new: JSONValue?) -> JSONValue {
        setting(base, path.split(separator: ".").map(String.init), new)
    }

    @Test("the base statement of the broken ones is valid")
    func baseIsValid() {
        #expect(StatementValidator.problems(in: Self.base) == [])
        // null is fine inside extensions.
        #expect(
            StatementValidator.problems(in: Self.setting(Self.base, ["result", "extensions", "https://kursus.invalid/xapi/extensions/x"], .null))
                == [])
    }

    static let cases: [(String, JSONValue, [StatementProblem])] = [
        ("missing actor", broken("actor", nil), [.init("$", "a Statement needs 'actor'")]),
        (
            "missing verb and object", setting(broken("verb", nil), ["object"], nil),
            [
                .init("$", "a Statement needs 'verb'"), .init("$", "a Statement needs 'object'"),
            ]
        ),
        ("a property xAPI does not define", broken("grade", "A"), [.init("$.grade", "'grade' is not a property of a Statement in xAPI 1.0.3")]),
        ("an id that is no UUID", broken("id", "1234"), [.init("$.id", "'1234' is not a UUID in the standard form (8-4-4-4-12 hex digits)")]),
        (
            "an Agent with two identifiers", broken("actor.mbox", "mailto:anna@example.dk"),
            [
                .init("$.actor", "an Agent needs exactly one of mbox, mbox_sha1sum, openid or account; it has 2")
            ]
        ),
        (
            "an Agent without an identifier", broken("actor.account", nil),
            [
                .init("$.actor", "an Agent needs exactly one of mbox, mbox_sha1sum, openid or account; it has 0")
            ]
        ),
        (
            "an mbox without mailto", setting(broken("actor.account", nil), ["actor", "mbox"], "anna@example.dk"),
            [
                .init("$.actor.mbox", "must be a 'mailto:' address such as 'mailto:anna@example.dk'")
            ]
        ),
        (
            "an mbox_sha1sum that is not 40 hex digits", setting(broken("actor.account", nil), ["actor", "mbox_sha1sum"], "abc"),
            [
                .init("$.actor.mbox_sha1sum", "must be 40 hex digits (the SHA-1 of a mailto address)")
            ]
        ),
        ("an account without a name", broken("actor.account.name", nil), [.init("$.actor.account", "an account needs 'name'")]),
        (
            "an account with a relative home page", broken("actor.account.homePage", "www.example.com"),
            [
                .init("$.actor.account.homePage", "must be an absolute IRI; 'www.example.com' has no scheme (such as 'https:')")
            ]
        ),
        (
            "an account with another property", broken("actor.account.email", "a@b.dk"),
            [
                .init("$.actor.account.email", "'email' is not a property of an account in xAPI 1.0.3")
            ]
        ),
        (
            "an anonymous Group without members", broken("actor", ["objectType": "Group", "name": "Afsnit 4"]),
            [
                .init("$.actor", "an anonymous Group (one without an identifier) needs 'member'")
            ]
        ),
        (
            "a Group in a Group", broken("actor", ["objectType": "Group", "member": [["objectType": "Group", "member": []]]]),
            [
                .init("$.actor.member[0]", "a Group's members are Agents, never Groups")
            ]
        ),
        (
            "an identified Group with two identifiers",
            broken("actor", ["objectType": "Group", "mbox": "mailto:a@b.dk", "openid": "https://id.dk/a"]),
            [
                .init("$.actor", "an identified Group has exactly one of mbox, mbox_sha1sum, openid or account; it has 2")
            ]
        ),
        (
            "a verb id that is no IRI", broken("verb.id", "answered"),
            [.init("$.verb.id", "must be an absolute IRI; 'answered' has no scheme (such as 'https:')")]
        ),
        ("a verb without an id", broken("verb.id", nil), [.init("$.verb", "a Verb needs 'id'")]),
        (
            "a display key that is no language tag", broken("verb.display.en_US", "answered"),
            [
                .init("$.verb.display.en_US", "'en_US' is not an RFC 5646 language tag")
            ]
        ),
        (
            "a display that is a string", broken("verb.display", "answered"),
            [.init("$.verb.display", "must be a language map (an object), not a string")]
        ),
        (
            "an activity id with a space", broken("object.id", "https://kursus.invalid/xapi/quiz 1"),
            [
                .init("$.object.id", "must be an absolute IRI; 'https://kursus.invalid/xapi/quiz 1' contains a space")
            ]
        ),
        (
            "an unknown objectType", broken("object.objectType", "Course"),
            [
                .init("$.object.objectType", "must be one of \"Activity\", \"Agent\", \"Group\", \"SubStatement\", \"StatementRef\"")
            ]
        ),
        (
            "an activity definition with another property", broken("object.definition.text", "Hvad?"),
            [
                .init("$.object.definition.text", "'text' is not a property of an Activity Definition in xAPI 1.0.3")
            ]
        ),
        (
            "an activity type that is no IRI", broken("object.definition.type", "question"),
            [
                .init("$.object.definition.type", "must be an absolute IRI; 'question' has no scheme (such as 'https:')")
            ]
        ),
        (
            "an interaction type xAPI does not have", broken("object.definition.interactionType", "multiple-choice"),
            [
                .init(
                    "$.object.definition.interactionType",
                    "'multiple-choice' is not an interaction type; xAPI has true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric, other"
                )
            ]
        ),
        (
            "a component list the interaction type does not have", broken("object.definition.scale", [["id": "1"]]),
            [
                .init("$.object.definition.scale", "an interaction of type 'choice' has only choices")
            ]
        ),
        (
            "choices on a true-false interaction",
            setting(broken("object.definition.interactionType", "true-false"), ["object", "definition", "correctResponsesPattern"], ["true"]),
            [
                .init("$.object.definition.choices", "an interaction of type 'true-false' has no component lists")
            ]
        ),
        (
            "components without an interaction type", broken("object.definition.interactionType", nil),
            [
                .init("$.object.definition.choices", "'choices' belongs to an interaction, but the definition has no interactionType"),
                .init(
                    "$.object.definition.correctResponsesPattern",
                    "correctResponsesPattern belongs to an interaction, but the definition has no interactionType"),
            ]
        ),
        (
            "two components with one id", broken("object.definition.choices", [["id": "a"], ["id": "a"]]),
            [
                .init("$.object.definition.choices[1].id", "the id 'a' is used twice in one list")
            ]
        ),
        (
            "a component without an id", broken("object.definition.choices", [["id": "a"], ["description": ["da": "B"]]]),
            [
                .init("$.object.definition.choices[1]", "an interaction component needs 'id'")
            ]
        ),
        (
            "a correct pattern naming no choice", broken("object.definition.correctResponsesPattern", ["a[,]c"]),
            [
                .init("$.object.definition.correctResponsesPattern[0]", "'c' is not the id of one of the choices")
            ]
        ),
        (
            "a true-false pattern that is not true or false",
            setting(
                setting(broken("object.definition.interactionType", "true-false"), ["object", "definition", "choices"], nil),
                ["object", "definition", "correctResponsesPattern"], ["yes"]),
            [
                .init("$.object.definition.correctResponsesPattern[0]", "a true-false pattern is 'true' or 'false', not 'yes'")
            ]
        ),
        ("a scaled score above 1", broken("result.score.scaled", 1.5), [.init("$.result.score.scaled", "must be between -1 and 1, not 1.5")]),
        ("a raw score above max", broken("result.score.raw", 12), [.init("$.result.score.raw", "12 is above max (10)")]),
        ("a raw score below min", broken("result.score.raw", -1), [.init("$.result.score.raw", "-1 is below min (0)")]),
        ("min not below max", broken("result.score.min", 10), [.init("$.result.score", "min (10) must be less than max (10)")]),
        (
            "a score with another property", broken("result.score.percent", 100),
            [.init("$.result.score.percent", "'percent' is not a property of a Score in xAPI 1.0.3")]
        ),
        ("a score that is a string", broken("result.score.raw", "10"), [.init("$.result.score.raw", "must be a number, not a string")]),
        ("success as a string", broken("result.success", "true"), [.init("$.result.success", "must be true or false, not a string")]),
        (
            "a duration that is not ISO 8601", broken("result.duration", "12 minutes"),
            [
                .init("$.result.duration", "'12 minutes' is not an ISO 8601 duration such as 'PT1H2M3S'")
            ]
        ),
        (
            "weeks combined with days", broken("result.duration", "P4W1D"),
            [.init("$.result.duration", "'P4W1D' is not an ISO 8601 duration such as 'PT1H2M3S'")]
        ),
        (
            "null outside extensions", broken("result.response", .null),
            [
                .init("$.result.response", "must not be null (null is allowed only inside extensions)")
            ]
        ),
        (
            "an extension key that is no IRI", broken("result.extensions.feedback", "Ja."),
            [
                .init("$.result.extensions.feedback", "an extension key must be an absolute IRI; 'feedback' has no scheme (such as 'https:')")
            ]
        ),
        (
            "a timestamp without a time zone", broken("timestamp", "2025-03-04T09:15:02.250"),
            [
                .init("$.timestamp", "'2025-03-04T09:15:02.250' is not an ISO 8601 timestamp with a time zone, such as '2025-03-04T09:15:02.250Z'")
            ]
        ),
        (
            "a registration that is no UUID", broken("context.registration", "anna/digital-kompetence"),
            [
                .init("$.context.registration", "'anna/digital-kompetence' is not a UUID in the standard form (8-4-4-4-12 hex digits)")
            ]
        ),
        (
            "a context language that is no tag", broken("context.language", "da_DK"),
            [.init("$.context.language", "'da_DK' is not an RFC 5646 language tag")]
        ),
        (
            "revision and platform when the object is an Agent", broken("object", ["objectType": "Agent", "mbox": "mailto:bo@example.dk"]),
            [
                .init("$.context.revision", "'revision' may be used only when the statement's object is an Activity"),
                .init("$.context.platform", "'platform' may be used only when the statement's object is an Activity"),
            ]
        ),
        (
            "a team that is an Agent", broken("context.team", ["mbox": "mailto:bo@example.dk"]),
            [.init("$.context.team", "must be a Group (objectType \"Group\")")]
        ),
        (
            "an unknown kind of context activity", broken("context.contextActivities.parents", [["id": "https://x.dk/a"]]),
            [
                .init("$.context.contextActivities.parents", "'parents' is not a property of contextActivities in xAPI 1.0.3")
            ]
        ),
        (
            "a context activity without an id",
            broken("context.contextActivities.grouping", [["definition": ["type": "http://adlnet.gov/expapi/activities/course"]]]),
            [
                .init("$.context.contextActivities.grouping[0]", "an Activity needs 'id'")
            ]
        ),
        (
            "a context property xAPI does not define", broken("context.session", "1"),
            [.init("$.context.session", "'session' is not a property of a Context in xAPI 1.0.3")]
        ),
        (
            "a version that is not 1.0.x", broken("version", "2.0.0"),
            [
                .init("$.version", "'2.0.0' is not a 1.0.x version (Learning Record Providers set it to 1.0.0, if at all)")
            ]
        ),
        (
            "a SubStatement with an id",
            broken(
                "object",
                [
                    "objectType": "SubStatement", "id": "f84056ed-0ce6-550d-ab6f-e835ce3af859", "actor": ["mbox": "mailto:a@b.dk"],
                    "verb": ["id": "http://adlnet.gov/expapi/verbs/answered"], "object": ["id": "https://x.dk/a"],
                ]),
            [
                .init("$.object.id", "'id' is not a property of a SubStatement in xAPI 1.0.3"),
                .init("$.context.revision", "'revision' may be used only when the statement's object is an Activity"),
                .init("$.context.platform", "'platform' may be used only when the statement's object is an Activity"),
            ]
        ),
        (
            "a SubStatement in a SubStatement",
            setting(
                setting(
                    broken(
                        "object",
                        [
                            "objectType": "SubStatement", "actor": ["mbox": "mailto:a@b.dk"],
                            "verb": ["id": "http://adlnet.gov/expapi/verbs/answered"],
                            "object": [
                                "objectType": "SubStatement", "actor": ["mbox": "mailto:a@b.dk"], "verb": ["id": "http://x.dk/v"],
                                "object": ["id": "https://x.dk/a"],
                            ],
                        ]), ["context", "revision"], nil), ["context", "platform"], nil),
            [
                .init("$.object.object", "a SubStatement may not contain another SubStatement")
            ]
        ),
        (
            "voided without a StatementRef", broken("verb.id", "http://adlnet.gov/expapi/verbs/voided"),
            [
                .init("$.object", "a statement with the verb 'voided' must have a StatementRef as its object")
            ]
        ),
        (
            "an attachment without a hash",
            broken(
                "attachments",
                [
                    [
                        "usageType": "http://adlnet.gov/expapi/attachments/signature", "display": ["en": "Signatur"],
                        "contentType": "application/octet-stream", "length": 12.5,
                    ]
                ]),
            [
                .init("$.attachments[0]", "an Attachment needs 'sha2'"),
                .init("$.attachments[0].length", "must be a whole number of bytes"),
            ]
        ),
    ]

    @Test("each broken statement fails with the right problem at the right path", arguments: cases.indices)
    func brokenStatements(index: Int) {
        let (name, statement, expected) = Self.cases[index]
        #expect(StatementValidator.problems(in: statement) == expected, "\(name)")
    }

    @Test("bytes that are no JSON, or repeat a property, are reported at $")
    func badBytes() {
        #expect(StatementValidator.problems(in: Data("{\"actor\": 1,".utf8)).first?.path == "$")
        let twice =
            #"{"actor": {"mbox": "mailto:a@b.dk"}, "actor": {"mbox": "mailto:b@b.dk"}, "verb": {"id": "http://x.dk/v"}, "object": {"id": "http://x.dk/a"}}"#
        #expect(
            StatementValidator.problems(in: Data(twice.utf8)) == [
                .init("$", "not valid JSON: at byte 37: the key \"actor\" occurs twice in one object")
            ])
        #expect(StatementValidator.problems(in: Data("[]".utf8)) == [.init("$", "a Statement must be an object, not an array")])
    }

    @Test("paths quote keys that are not plain names")
    func paths() {
        let problems = StatementValidator.problems(in: Self.setting(Self.base, ["result", "extensions", "https://kursus.invalid/x y"], 1))
        #expect(
            problems == [
                .init(
                    #"$.result.extensions["https://kursus.invalid/x y"]"#,
                    "an extension key must be an absolute IRI; 'https://kursus.invalid/x y' contains a space")
            ])
    }
}
