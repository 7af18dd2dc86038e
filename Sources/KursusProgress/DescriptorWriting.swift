import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing all of some bytes to an open file descriptor at its current position,
/// retrying short writes and EINTR: the one write loop every durable file of Kursus
/// uses (progress files, the outbox journal and marks, record stores).
public enum DescriptorWriting {
    /// Writes all of `data`; nil when it was written, else the system's reason.
    public static func writeAll(_ descriptor: Int32, _ data: Data) -> String? {
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        return failure
    }
}
