import Foundation

extension LearnerProfile {
    /// Decodes a profile read by the caller (a reader that opens files its own way, such
    /// as `kursus report` reading without following links), with the same checks as
    /// `LearnerRegistry.profile(id:)`: a newer schema is refused, and so is a profile
    /// that names another learner.
    public static func read(_ data: Data, path: String, expectedID: String) throws(LearnerError) -> LearnerProfile {
        guard data.count <= maximumFileSize else {
            throw .corrupt(path: path, reason: "larger than \(maximumFileSize >> 10) KiB")
        }
        return try decode(data, path: path, expectedID: expectedID)
    }

    /// The largest profile file read.
    public static var maximumSize: Int { maximumFileSize }
}
