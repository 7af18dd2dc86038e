import Foundation
import KursusCourse

/// How KursusProgress reads a whole file (a progress file, a profile, a config file):
/// through `RegularFileReader`, so a FIFO, device or folder in its place is refused at
/// once instead of blocking, and never more than `limit` bytes are read.
enum FileReading {
    /// The bytes of the regular file at `url`, at most `limit` of them.
    static func bytes(_ url: URL, limit: Int) throws(RegularFileReader.Failure) -> Data {
        try RegularFileReader.read(url, limit: limit)
    }
}
