import Foundation

extension PINRecord {
    /// Why this record cannot be checked, in the words sign-in uses when it refuses it
    /// (`PINHasher.check`); nil when it can be. `learners list` flags such a profile, so
    /// the trainer sees it before a learner is turned away.
    public var damage: String? {
        if case .failure(let reason) = decoded(subject: "PIN ") { reason.text } else { nil }
    }

    /// Why a stored record cannot be used, as a phrase for a "damaged" message.
    struct Damage: Error {
        var text: String
    }

    /// The salt and hash of the record, checked: a known algorithm, an accepted work
    /// factor, base64 of the right length. `subject` ("PIN " or "") names what the record
    /// protects in the reasons. The one check behind sign-in, `learners list` and the
    /// admin passphrase.
    func decoded(subject: String) -> Result<(salt: [UInt8], hash: [UInt8]), Damage> {
        guard algorithm == PINRecord.pbkdf2SHA256 else {
            return .failure(Damage(text: "unknown \(subject)algorithm '\(LearnerError.printable(algorithm))'"))
        }
        let accepted = PINHasher.acceptedIterations
        guard accepted.contains(iterations) else {
            return .failure(Damage(text: "\(subject)iterations \(iterations) outside \(accepted.lowerBound)...\(accepted.upperBound)"))
        }
        guard let saltBytes = Data(base64Encoded: salt), !saltBytes.isEmpty,
            let hashBytes = Data(base64Encoded: hash), hashBytes.count == PINHasher.hashByteCount
        else {
            return .failure(Damage(text: "the \(subject)salt or hash is not valid base64 of the right length"))
        }
        return .success((Array(saltBytes), Array(hashBytes)))
    }
}
