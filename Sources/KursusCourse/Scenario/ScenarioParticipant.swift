/// Someone in the simulated call: the citizen (or patient), a relative or a colleague.
public struct ScenarioParticipant: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, CaseIterable {
        case citizen, patient, relative, colleague
    }

    public var id: String
    public var name: String
    public var age: Int?
    public var role: Role
    public var description: String?
    public var portrait: PortraitReference?
    public var location: SourceLocation

    public init(
        id: String, name: String, age: Int? = nil, role: Role, description: String? = nil, portrait: PortraitReference? = nil,
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.age = age
        self.role = role
        self.description = description
        self.portrait = portrait
        self.location = location
    }
}

/// Where a portrait comes from: a text file in the package, or a generic portrait
/// shipped with the player (`assets:NAME` → `Assets/portraits/NAME.txt`).
public enum PortraitReference: Hashable, Sendable, CustomStringConvertible {
    case package(String, SourceLocation)
    case generic(String, SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .package(_, let location), .generic(_, let location): location
        }
    }

    public var description: String {
        switch self {
        case .package(let path, _): path
        case .generic(let name, _): "assets:\(name)"
        }
    }
}

/// The call as it starts: the citizen's device, the connection, camera and microphone.
public struct CallSetup: Hashable, Sendable {
    public enum Device: String, Hashable, Sendable, CaseIterable {
        case tablet, smartphone, laptop, computer, unknown
    }

    public enum Connection: String, Hashable, Sendable, CaseIterable, Codable {
        case good, weak, unstable, offline
    }

    public var device: Device
    public var connection: Connection
    public var camera: Bool
    public var microphone: Bool

    public init(device: Device = .unknown, connection: Connection = .good, camera: Bool = true, microphone: Bool = true) {
        self.device = device
        self.connection = connection
        self.camera = camera
        self.microphone = microphone
    }
}
