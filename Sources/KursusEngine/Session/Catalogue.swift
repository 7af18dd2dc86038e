import Foundation

/// One course installed in the course library, as the catalogue lists it. Made by the
/// command line from the library's packages; the engine only shows and picks them.
public struct CatalogueCourse: Hashable, Sendable {
    /// The course id (`id:` in course.yaml), also the name of its progress file.
    public var id: String
    public var title: String
    public var description: String?
    /// The course's language code (`language:` in course.yaml), such as `da`.
    public var language: String
    public var version: String
    /// The units that count towards completion (not optional), as the course menu counts them.
    public var requiredUnits: [String]

    public init(id: String, title: String, description: String?, language: String, version: String, requiredUnits: [String]) {
        self.id = id
        self.title = title
        self.description = description
        self.language = language
        self.version = version
        self.requiredUnits = requiredUnits
    }
}

/// How far the signed-in learner has come in one catalogue course, from their own
/// progress file for it.
public enum CatalogueProgress: Hashable, Sendable {
    /// The learner has no progress in this course yet.
    case notStarted
    /// `done` of the course's `total` required units are completed or passed.
    case done(Int, of: Int)
    /// The progress file could not be read now; opening the course repairs or reports it.
    case unreadable
}

/// The catalogue screen: the signed-in learner picks one of the installed courses.
public struct CatalogueScreen: Hashable, Sendable {
    /// The course under the cursor (an index into the catalogue).
    public var selection: Int
    /// This learner's progress per course id; nil while it is being read.
    public var progress: [String: CatalogueProgress]?
    /// The course being loaded and opened, when one was chosen.
    public var opening: String?
    public var notice: Notice?

    public init(selection: Int = 0, progress: [String: CatalogueProgress]? = nil, opening: String? = nil, notice: Notice? = nil) {
        self.selection = selection
        self.progress = progress
        self.opening = opening
        self.notice = notice
    }

    public enum Notice: Hashable, Sendable {
        /// The chosen course could not be loaded (`message` says why).
        case courseFailed(title: String, message: String)
        /// The learner could not be opened in the chosen course.
        case openFailed(message: String)
    }
}
