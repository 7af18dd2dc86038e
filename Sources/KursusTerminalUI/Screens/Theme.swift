import Foundation
import KursusCourse
import KursusMarkdown

/// Maps what text is (a Markdown role) to how it looks (a tint plus attributes), and
/// tints to terminal colours from `Assets/themes/<name>.json`.
public enum Theme {
    static func style(for span: SpanStyle) -> CellStyle {
        let tint: Tint
        switch span.role {
        case .body: tint = .normal
        case .heading: tint = .heading
        case .code, .codeBlock: tint = .code
        case .link, .linkNumber: tint = .link
        case .quote: tint = .normal
        case .listMarker: tint = .accent
        case .rule, .tableBorder, .wrapMarker: tint = .muted
        case .tableHeader: tint = .heading
        case .image: tint = .accent
        case .html: tint = .muted
        }
        return CellStyle(tint, span.attributes)
    }
}

/// Terminal colour numbers per tint; -1 is the terminal's own colour.
public struct ColorTheme: Sendable, Equatable {
    public var colors: [Tint: Int]

    public static let monochrome = ColorTheme(colors: [:])

    static let names = ["default": -1, "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7]

    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// The theme `name` from an `Assets` folder.
    public static func load(named name: String, assets: URL) throws(LoadError) -> ColorTheme {
        try load(named: name, assets: .folder(assets))
    }

    /// The theme `name` (`themes/<name>.json`) from Kursus's assets.
    public static func load(named name: String, assets: AssetCatalog) throws(LoadError) -> ColorTheme {
        struct File: Decodable { var colors: [String: String] }
        let path = "themes/\(name).json"
        let asset = assets.read(path)
        let shown = asset?.shown ?? assets.shown(path)
        guard let data = asset?.data, let file = try? JSONDecoder().decode(File.self, from: data) else {
            throw LoadError(path: shown, reason: "the colour theme is missing or not valid JSON")
        }
        var colors: [Tint: Int] = [:]
        for (key, value) in file.colors {
            guard let tint = Tint(rawValue: key) else {
                throw LoadError(
                    path: shown, reason: "unknown colour role '\(key)'; roles are \(Tint.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let number = names[value] else {
                throw LoadError(
                    path: shown, reason: "unknown colour '\(value)' for '\(key)'; colours are \(names.keys.sorted().joined(separator: ", "))")
            }
            colors[tint] = number
        }
        return ColorTheme(colors: colors)
    }
}

/// The high-contrast look, a learner setting. The only colour pair whose contrast is
/// known on every terminal is the terminal's own text on its own background (the one
/// the learner or IT chose), so every role is drawn in it: no colours, no dim text;
/// what colour marked is bold instead (headings, markers, warnings, links also
/// underlined), and the focus stays in bold reverse video. Status never depended on
/// colour alone (markers ✓ ● ○ say it), so nothing is lost.
public enum HighContrast {
    /// Redraws a finished screen in the high-contrast look.
    public static func apply(to grid: inout Grid) {
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                let style = self.style(cell.style)
                if style != cell.style { grid[x, y] = Cell(cell.text, style: style) }
            }
        }
    }

    /// One cell's style in the high-contrast look.
    public static func style(_ style: CellStyle) -> CellStyle {
        var attributes = style.attributes
        attributes.remove(.dim)
        switch style.tint {
        case .normal, .muted: break
        case .link: attributes.formUnion([.bold, .underline])
        case .accent, .success, .warning, .danger, .heading, .code, .banner: attributes.insert(.bold)
        }
        if attributes.contains(.reverse) { attributes.insert(.bold) }
        return CellStyle(.normal, attributes)
    }
}
