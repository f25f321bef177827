/// The style sheet of the HTML review packet, inlined in every file.
///
/// Grey scale throughout, so that a packet printed without colour reads the same; A4 pages with
/// each packet starting on a new page; tables and charts kept whole across page breaks.
enum ReviewHTMLStyle {
    static let css = """
        @page { size: A4; margin: 10mm 11mm 12mm; }
        * { box-sizing: border-box; }
        html { color: #111; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; font: 9.5pt/1.35 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
            "Liberation Sans", "DejaVu Sans", sans-serif; }
        .packet { max-width: 186mm; margin: 0 auto; }
        .packet:not(:last-of-type) { page-break-after: always; break-after: page; }
        .top { border-bottom: 2px solid #111; padding-bottom: 3mm; margin-bottom: 2mm; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8pt; color: #444; margin: 0 0 1mm; }
        h1 { font-size: 17pt; line-height: 1.2; margin: 0 0 2mm; overflow-wrap: anywhere; }
        h1 .handle { font-weight: normal; font-size: 11pt; color: #444; }
        h2 { font-size: 11pt; margin: 3.5mm 0 1.2mm; padding-bottom: .8mm; border-bottom: 1px solid #888;
            page-break-after: avoid; break-after: avoid; }
        h3 { font-size: 9.5pt; margin: 2mm 0 1mm; page-break-after: avoid; break-after: avoid; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .4mm 4mm; margin: 0; font-size: 9pt; }
        dl.meta dt { font-weight: 600; }
        dl.meta dd { margin: 0; overflow-wrap: anywhere; }
        .purpose { margin: 2.5mm 0 0; padding: 1.5mm 3mm; border-left: 4px solid #111; background: #f1f1f1;
            font-style: italic; }
        .notice { margin: 2mm 0; padding: 1.5mm 3mm; border: 2px dashed #111; font-weight: 600; }
        .figures { display: grid; grid-template-columns: repeat(7, 1fr); gap: 1.2mm; }
        .figure { border: 1px solid #999; padding: 1mm 1.5mm; break-inside: avoid; }
        .figure .value { display: block; font-size: 12pt; font-weight: 700; font-variant-numeric: tabular-nums; }
        .figure .label { display: block; font-size: 7.5pt; font-weight: 600; line-height: 1.2; }
        .figure .detail { display: block; font-size: 6.5pt; line-height: 1.2; color: #444; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; align-items: start; }
        .charts.wide { grid-template-columns: 1fr; }
        figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 7.5pt; color: #333; margin-top: 1mm; }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { font-family: inherit; }
        .legend { display: flex; flex-wrap: wrap; gap: .5mm 4mm; font-size: 7.5pt; margin-top: 1mm; }
        .legend span { display: inline-flex; align-items: center; gap: 1mm; }
        .legend svg { display: inline-block; }
        table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
        thead { display: table-header-group; }
        th, td { text-align: left; vertical-align: top; padding: .8mm 2mm; border-bottom: 1px solid #ccc;
            overflow-wrap: break-word; }
        th { font-weight: 600; border-bottom: 1.5px solid #111; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .date { white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .text { white-space: pre-line; overflow-wrap: anywhere; }
        .empty { font-style: italic; color: #333; margin: 1mm 0; }
        .definitions { break-inside: avoid; page-break-inside: avoid; }
        .definitions dl { column-count: 3; column-gap: 5mm; margin: 0; font-size: 7pt; line-height: 1.25; }
        .definitions dt { font-weight: 600; break-after: avoid; page-break-after: avoid; }
        .definitions dd { margin: 0 0 1mm; break-inside: avoid; page-break-inside: avoid; }
        .who { white-space: nowrap; }
        footer { break-before: avoid; page-break-before: avoid; margin-top: 4mm; padding-top: 1.5mm; border-top: 1px solid #888; font-size: 7.5pt; color: #333; }
        table.sheet { font-size: inherit; }
        .sheet > thead > tr > td, .sheet > tbody > tr > td { padding: 0; border: 0; overflow-wrap: normal; }
        .sheet > tbody > tr { break-inside: auto; page-break-inside: auto; }
        .running { display: none; }
        @media print {
            .running { display: block; font-size: 7.5pt; color: #333; padding-bottom: 1mm; margin-bottom: 2mm;
                border-bottom: 1px solid #888; }
        }
        @media screen {
            html { background: #e6e6e6; }
            .packet { max-width: 210mm; background: #fff; margin: 8mm auto; padding: 12mm;
                box-shadow: 0 .5mm 3mm rgba(0, 0, 0, .25); }
        }
        """
}
