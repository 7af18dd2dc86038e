import Foundation

extension PINRecord {
    /// Why this record cannot be checked, in the words sign-in uses when it refuses it
    /// (`PINHasher.matches`); nil when it can be. `learners list` flags such a profile, so
    /// the trainer sees it before a learner is turned away.
    public var damage: String? {
        guard algorithm == PINRecord.pbkdf2SHA256 else {
            return "unknown PIN algorithm '\(LearnerError.printable(algorithm))'"
        }
        let accepted = PINHasher.acceptedIterations
        guard accepted.contains(iterations) else {
            return "PIN iterations \(iterations) outside \(accepted.lowerBound)...\(accepted.upperBound)"
        }
        guard let saltBytes = Data(base64Encoded: salt), !saltBytes.isEmpty,
            let hashBytes = Data(base64Encoded: hash), hashBytes.count == PINHasher.hashByteCount
        else {
            return "the PIN salt or hash is not valid base64 of the right length"
        }
        return nil
    }
}
