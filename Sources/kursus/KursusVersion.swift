/// The player's own version, shown by `kursus --version`.
enum KursusVersion {
    static let current = "0.1.0"
}
