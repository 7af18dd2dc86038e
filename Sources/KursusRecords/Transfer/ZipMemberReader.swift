import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#endif

/// Unpacks one member of a transfer file in chunks, never trusting its declared sizes:
/// the bytes produced are counted as they come and the member is refused as soon as it
/// passes `limit` or unpacks more than `maximumRatio` times its packed size (after a
/// first 1 MiB), so a zip bomb is stopped after at most `limit` bytes and never fills
/// memory or disk. At the end the size and CRC-32 must match the directory's.
///
/// Inflating uses ZIPFoundation's `Data.decompress` with a provider that hands out only
/// the member's own packed bytes, in full-size chunks (padded with zeros after the last
/// real byte: ZIPFoundation's zlib loop always tells zlib a chunk is full size), and
/// throws when asked for more: a stream that does not end inside its member is damaged.
/// ZIPFoundation's own `Archive.extract` is not used: its provider returns empty chunks at
/// the end of the file, and on Linux (0.9.20) its inflate loop then spins for ever, which
/// an 80-byte file whose deflate stream runs to the file's end is enough to cause.
enum ZipMemberReader {
    static let chunkSize = 64 * 1024

    struct Limits {
        var limit: UInt64
        var maximumRatio: UInt64
    }

    /// Hands the member's bytes to `consumer`. Problems with the file throw
    /// `TransferError`; an error thrown by `consumer` comes out unchanged.
    static func read(
        _ file: OpenFile, _ member: ZipDirectory.Member, limits: Limits, _ consumer: (Data) throws -> Void
    ) throws {
        let path = file.path
        var produced: UInt64 = 0
        let counting: (Data) throws -> Void = { chunk in
            produced += UInt64(chunk.count)
            if produced > limits.limit {
                throw TransferError.tooLarge(path: path, reason: "\(member.name) unpacks to more than \(limits.limit) bytes")
            }
            if produced > TransferLimits.ratioAllowance,
                produced > member.compressedSize.multipliedReportingOverflow(by: limits.maximumRatio).partialValue
            {
                throw TransferError.tooLarge(
                    path: path, reason: "\(member.name) unpacks to over \(limits.maximumRatio) times its packed size (a zip bomb)")
            }
            if produced > member.uncompressedSize {
                throw TransferError.damaged(path: path, reason: "\(member.name) unpacks to more than its declared size")
            }
            do {
                try consumer(chunk)
            } catch {
                throw Forwarded(error: error)
            }
        }
        let checksum: CRC32
        do {
            if member.method == 0 {
                checksum = try readStored(file, member, counting)
            } else {
                checksum = try Data.decompress(
                    size: Int64(member.compressedSize), bufferSize: chunkSize, skipCRC32: false,
                    provider: { position, size in try packedChunk(file, member, position: position, size: size) },
                    consumer: counting
                )
            }
        } catch let error as TransferError {
            throw error
        } catch let forwarded as Forwarded {
            throw forwarded.error
        } catch {
            throw TransferError.damaged(path: path, reason: "\(member.name) cannot be unpacked")
        }
        guard produced == member.uncompressedSize else {
            throw TransferError.damaged(path: path, reason: "\(member.name) is shorter than its declared size")
        }
        guard checksum == member.crc32 else { throw TransferError.damaged(path: path, reason: "\(member.name) fails its CRC-32 check") }
    }

    private static func readStored(_ file: OpenFile, _ member: ZipDirectory.Member, _ consumer: (Data) throws -> Void) throws -> CRC32 {
        var checksum: CRC32 = 0
        var position: UInt64 = 0
        while position < member.compressedSize {
            let count = Int(min(UInt64(chunkSize), member.compressedSize - position))
            let chunk = Data(try ZipDirectory.bytes(file, at: member.dataOffset + position, count: count))
            checksum = chunk.crc32(checksum: checksum)
            try consumer(chunk)
            position += UInt64(count)
        }
        return checksum
    }

    /// `size` bytes of packed data from `position`: real bytes of the member, then zeros.
    private static func packedChunk(_ file: OpenFile, _ member: ZipDirectory.Member, position: Int64, size: Int) throws -> Data {
        guard position >= 0, UInt64(position) < member.compressedSize, size > 0 else {
            throw TransferError.damaged(path: file.path, reason: "\(member.name) ends in the middle of its compressed data")
        }
        let real = Int(min(UInt64(size), member.compressedSize - UInt64(position)))
        var bytes = try ZipDirectory.bytes(file, at: member.dataOffset + UInt64(position), count: real)
        if real < size { bytes += [UInt8](repeating: 0, count: size - real) }
        return Data(bytes)
    }
}

/// Carries an error of the consumer's own through the unpacking, unchanged.
private struct Forwarded: Error {
    var error: any Error
}
