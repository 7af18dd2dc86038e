import Foundation
import ZIPFoundation

/// Reads one entry's bytes: checks its local header against the central directory,
/// then copies (stored) or inflates (deflate) it with ZIPFoundation, never producing
/// more than the entry declares, and checks the CRC-32.
enum ZipEntryReader {
    static let localSignature: UInt32 = 0x0403_4b50
    static let localHeaderSize = 30

    /// Why inflating stopped early; turned into a `PackageArchiveError` by `read`.
    private enum InflateStop: Error {
        case beyondDeclaredSize, endOfInput
    }

    /// The entry's bytes. `name` is its checked name (for messages); `limit` the most
    /// bytes the caller accepts; `dataEnd` where entry data must end (the central directory).
    static func read(
        _ record: ZipEntryRecord, name: String, from file: ArchiveFile, limit: Int, dataEnd: Int
    ) throws(PackageArchiveError) -> Data {
        let archive = file.shown
        guard record.uncompressedSize <= limit else {
            throw .entryTooLarge(archive: archive, entry: name, size: record.uncompressedSize, limit: limit)
        }
        let header = try file.read(at: record.localHeaderOffset, count: localHeaderSize)
        guard header.uint32(at: 0) == localSignature else {
            throw .corrupt(archive: archive, detail: "entry '\(name)' has no local header where the directory says")
        }
        if header.uint16(at: 6) & 0x0041 != 0 { throw .encrypted(archive: archive, entry: name) }
        guard header.uint16(at: 8) == record.method else {
            throw .corrupt(archive: archive, detail: "entry '\(name)': its local header and the directory disagree on the compression")
        }
        let nameLength = Int(header.uint16(at: 26))
        let extraLength = Int(header.uint16(at: 28))
        let localName = try file.read(at: record.localHeaderOffset + localHeaderSize, count: nameLength)
        guard localName == record.rawName else {
            throw .corrupt(archive: archive, detail: "entry '\(name)': its local header names another file")
        }
        let dataStart = record.localHeaderOffset + localHeaderSize + nameLength + extraLength
        guard dataStart + record.compressedSize <= dataEnd else {
            throw .corrupt(archive: archive, detail: "entry '\(name)' runs into the central directory")
        }
        let packed = try file.read(at: dataStart, count: record.compressedSize)
        let data: Data
        let checksum: UInt32
        switch record.method {
        case 0:
            guard record.compressedSize == record.uncompressedSize else {
                throw .corrupt(archive: archive, detail: "stored entry '\(name)' has two different sizes")
            }
            data = packed
            checksum = packed.crc32(checksum: 0)
        case 8:
            (data, checksum) = try inflate(packed, expected: record.uncompressedSize, name: name, archive: archive)
        default:
            throw .unsupportedCompression(archive: archive, entry: name, method: Int(record.method))
        }
        guard data.count == record.uncompressedSize else {
            throw .corrupt(archive: archive, detail: "entry '\(name)' unpacks to \(data.count) bytes, not the \(record.uncompressedSize) it declares")
        }
        guard checksum == record.crc32 else {
            throw .corrupt(archive: archive, detail: "entry '\(name)' fails its CRC-32 check")
        }
        return data
    }

    /// Inflates a raw deflate stream, stopping as soon as it would produce more than
    /// `expected` bytes. ZIPFoundation's inflater takes its input in chunks of its buffer
    /// size, so the whole packed entry is handed over as one chunk of exactly that size,
    /// and asking for more input (a stream cut short) ends the inflating.
    static func inflate(_ packed: Data, expected: Int, name: String, archive: String) throws(PackageArchiveError) -> (Data, UInt32) {
        guard !packed.isEmpty else { throw .corrupt(archive: archive, detail: "entry '\(name)' has no compressed data") }
        var output = Data()
        output.reserveCapacity(expected)
        do {
            let checksum = try Data.decompress(
                size: Int64(packed.count), bufferSize: packed.count, skipCRC32: false,
                provider: { position, _ in
                    guard position == 0 else { throw InflateStop.endOfInput }
                    return packed
                },
                consumer: { chunk in
                    guard output.count + chunk.count <= expected else { throw InflateStop.beyondDeclaredSize }
                    output.append(chunk)
                })
            return (output, checksum)
        } catch InflateStop.beyondDeclaredSize {
            throw .corrupt(archive: archive, detail: "entry '\(name)' unpacks to more than the \(expected) bytes it declares (a zip bomb?)")
        } catch InflateStop.endOfInput {
            throw .corrupt(archive: archive, detail: "entry '\(name)': its compressed data is cut short")
        } catch {
            throw .corrupt(archive: archive, detail: "entry '\(name)': its compressed data is damaged")
        }
    }
}
