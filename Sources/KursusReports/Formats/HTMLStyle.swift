/// The HTML report's style sheet, inlined in the page: system fonts only (nothing
/// fetched), tables and charts within 170 mm (A4's width less 20 mm margins), and print
/// rules that keep a table row, a chart or a heading with what follows on one page.
enum HTMLStyle {
    static let css = """
        @page { size: A4; margin: 18mm 20mm 18mm 20mm; }
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; padding: 6mm; max-width: 182mm; color: #1b1b1b; background: #fff;
          font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        h1 { font-size: 18pt; margin: 0 0 .3em; color: #16365c; }
        h2 { font-size: 14pt; margin: 1.6em 0 .4em; padding-bottom: .15em; border-bottom: 2px solid #16365c; color: #16365c; }
        h3 { font-size: 12pt; margin: 1.2em 0 .3em; }
        h4 { font-size: 10.5pt; margin: 1em 0 .2em; }
        h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
        p, li, dd, td, th[scope="row"], caption { overflow-wrap: anywhere; }
        thead th { overflow-wrap: normal; hyphens: manual; }
        th[scope="row"] { min-width: 7em; }
        p { margin: .3em 0; }
        p.point { font-weight: 600; margin-top: 1em; }
        .note { color: #4a4a4a; font-size: 9.5pt; }
        .warning { color: #8a3b00; }
        .flags { color: #8a3b00; margin: .2em 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: .5em 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 9.5pt; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: .2em 0; }
        th, td { padding: .2em .45em; border-bottom: 1px solid #c8c8c8; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #6b6b6b; }
        th[scope="row"] { font-weight: normal; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        tr.module th, tr.module td { font-weight: 600; background: #f1f4f8; }
        tr.unit th { padding-left: 1.4em; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        figure.chart { margin: .4em 0 1em; break-inside: avoid; page-break-inside: avoid; }
        figure.chart svg { display: block; width: 100%; max-width: 170mm; height: auto; }
        svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; fill: #1b1b1b; }
        svg text.legend { font-size: 10px; }
        svg .track { fill: #eef0f3; }
        svg .axis { stroke: #444; stroke-width: 1; }
        svg .interval { stroke: #16365c; stroke-width: 2; }
        svg .point { fill: #16365c; }
        ul.answers { padding-left: 1.2em; }
        ul.answers li { margin: .25em 0; break-inside: avoid; page-break-inside: avoid; }
        .correct { font-weight: 600; }
        @media print {
          body { padding: 0; max-width: none; font-size: 9.5pt; }
          section.part { break-before: page; page-break-before: always; }
        }
        """
}
