import Foundation

/// Where Kursus keeps learners' data: `--data-dir`, else `KURSUS_DATA_DIR`, else
/// `$XDG_DATA_HOME/kursus`, else `~/.local/share/kursus`.
public enum DataDirectory {
    public static func locate(explicit: String?, environment: [String: String], home: String) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let value = environment["KURSUS_DATA_DIR"], !value.isEmpty { return URL(fileURLWithPath: value) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("kursus")
        }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/kursus")
    }
}
