extension Templates {
    /// The one stylesheet, served at `/style.css`.
    ///
    /// A phone first (one column, thumb-sized controls, 360 px wide), a desktop from 48 em, and the
    /// storyboard on one A4 page in print.
    /// Text colours keep a contrast of at least 4.5:1 on their backgrounds.
    static let stylesheet = #"""
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #f6f7f9; }
        header.site { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .5rem 1rem; background: #14365d; color: #fff; }
        header.site a { color: #fff; }
        .brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
        header.site nav { flex: 1; }
        .sign-out { display: flex; align-items: center; gap: .5rem; margin: 0; }
        .who { font-size: .9rem; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        .handle { color: #4a5361; font-weight: 400; }
        a { color: #0b4f9c; }
        .lead { color: #3a4350; }
        .notice { padding: .75rem 1rem; border-left: .3rem solid #1d7a3e; background: #e6f4ea; color: #14532d; }
        .error { color: #a4161a; font-weight: 600; margin: .25rem 0; }
        p.error[role=alert] { padding: .75rem 1rem; border-left: .3rem solid #a4161a; background: #fdecea; }
        .hint { color: #4a5361; font-size: .9rem; margin: .25rem 0; }
        .tag { display: inline-block; padding: 0 .4rem; border-radius: .25rem; background: #e3e8ef; color: #1b1f24; font-size: .85rem; font-weight: 600; }
        .empty { color: #4a5361; font-style: italic; }
        form.stack, form.cycle { display: grid; gap: 1rem; max-width: 40rem; }
        fieldset { margin: 0; padding: .75rem 1rem 1rem; border: 1px solid #c4ccd6; border-radius: .5rem; background: #fff; min-width: 0; }
        legend { font-weight: 700; padding: 0 .25rem; }
        fieldset.choices { padding: 0; border: 0; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .field { display: grid; gap: .25rem; margin-top: .75rem; }
        label { font-weight: 600; }
        input, textarea, select, button { font: inherit; }
        input[type=text], input[type=password], input[type=date], input[type=number], input:not([type]), textarea {
            width: 100%; min-height: 2.75rem; padding: .5rem .6rem; border: 1px solid #6b7685; border-radius: .375rem; background: #fff; color: #1b1f24; }
        textarea { resize: vertical; }
        .invalid input, .invalid textarea { border: 2px solid #a4161a; }
        :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
        button { min-height: 2.75rem; padding: .5rem 1.25rem; border: 0; border-radius: .375rem; background: #14365d; color: #fff; font-weight: 700; cursor: pointer; }
        form.cycle > button, form.stack > button { width: 100%; }
        button.quiet { min-height: 2.25rem; padding: .25rem .75rem; background: #fff; color: #14365d; }
        .choice { display: flex; align-items: flex-start; gap: .6rem; margin-top: .6rem; }
        .choice input { width: 1.4rem; height: 1.4rem; margin: .1rem 0 0; flex: none; }
        .choice label { font-weight: 400; }
        .choices.inline { display: flex; flex-wrap: wrap; column-gap: 1.5rem; margin-top: .75rem; }
        .choices.inline legend { font-weight: 600; padding: 0; }
        .choices.inline .choice label { min-height: 2.75rem; }
        .context { margin: .25rem 0; overflow-wrap: anywhere; }
        .last-step { margin-top: .75rem; padding: .5rem .75rem; border-left: .3rem solid #6b7685; background: #f0f2f5; }
        ul.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
        .card { padding: .75rem 1rem; border: 1px solid #c4ccd6; border-radius: .5rem; background: #fff; }
        a.primary { display: block; padding: .6rem .75rem; border-radius: .375rem; background: #14365d; color: #fff; font-weight: 700; text-decoration: none; }
        a.primary .handle { color: #dfe7f1; }
        .actions a.primary { display: inline-block; }
        .reasons { margin: .5rem 0; padding-left: 1.25rem; }
        .board { display: grid; gap: .75rem; }
        .panel { padding: .75rem 1rem; border: 1px solid #c4ccd6; border-radius: .5rem; background: #fff; overflow-wrap: anywhere; min-width: 0; }
        .panel.growth { margin-top: .75rem; }
        .panel.growth dl { margin: 0; display: grid; gap: .35rem; }
        .panel.growth dt { font-weight: 600; }
        .panel.growth dd { margin: 0 0 .25rem; }
        .panel h2 { margin-top: 0; font-size: 1rem; text-transform: uppercase; letter-spacing: .04em; color: #14365d; }
        .meta { color: #3a4350; font-size: .9rem; margin: .25rem 0; }
        .metrics { padding-left: 1.25rem; margin: .5rem 0; }
        .parking-lot { list-style: none; padding: 0; margin: 0; }
        .parking-lot li { padding: .4rem 0; border-bottom: 1px solid #e3e8ef; }
        .parking-lot li.working { font-weight: 700; }
        .status { color: #4a5361; font-weight: 400; font-size: .9rem; }
        .steps { padding-left: 1.5rem; margin: 0; }
        .steps li { padding: .5rem 0; border-bottom: 1px solid #e3e8ef; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .25rem 0; }
        dt { font-weight: 600; color: #3a4350; }
        dd { margin: 0; min-width: 0; }
        @media (min-width: 48em) {
            main { padding: 1.5rem 2rem; }
            form.cycle > button, form.stack > button { width: auto; justify-self: start; }
            .board { grid-template-columns: repeat(4, minmax(0, 1fr)); }
            .panel.record { grid-column: 1 / -1; }
        }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
            body { background: #fff; font-size: 10pt; }
            header.site, .actions, main > p:last-child { display: none; }
            main { max-width: none; padding: 0; }
            .board { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 4mm; }
            .panel { border: 1px solid #000; border-radius: 0; break-inside: avoid; }
            .panel.record { grid-column: 1 / -1; }
            .steps li { break-inside: avoid; }
            a { color: #000; text-decoration: none; }
        }
        form.period { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 1rem; margin: 0 0 1rem; padding: .75rem 1rem 1rem; border: 1px solid #c4ccd6; border-radius: .5rem; background: #fff; }
        form.period .field { flex: 1 1 9rem; }
        form.period .field:first-child { flex-basis: 17rem; }
        form.period button { margin-top: .75rem; }
        form.period .hint { flex-basis: 100%; }
        select { width: 100%; min-height: 2.75rem; padding: .5rem .6rem; border: 1px solid #6b7685; border-radius: .375rem; background: #fff; color: #1b1f24; }
        .table-scroll { overflow-x: auto; max-width: 100%; border: 1px solid #c4ccd6; border-radius: .5rem; background: #fff; }
        table.figures { border-collapse: collapse; width: 100%; font-size: .9rem; }
        table.figures caption { text-align: left; padding: .5rem .75rem; font-weight: 700; }
        table.figures th, table.figures td { padding: .35rem .45rem; border-top: 1px solid #e3e8ef; text-align: left; vertical-align: middle; white-space: nowrap; }
        table.figures thead th { border-top: 0; background: #f0f2f5; font-size: .75rem; white-space: normal; }
        table.figures .num { text-align: right; font-variant-numeric: tabular-nums; }
        table.figures tbody th { font-weight: 600; }
        table.figures .person { display: block; font-weight: 400; color: #3a4350; font-size: .8rem; }
        td.below { color: #a4161a; font-weight: 700; }
        .flag { display: block; font-size: .75rem; font-weight: 600; }
        svg.strip { display: block; }
        .figure-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: .5rem; margin: 0; }
        .figure-grid .figure { display: block; margin: 0; padding: .5rem .75rem; border: 1px solid #c4ccd6; border-radius: .5rem; background: #fff; }
        .figure-grid dt { font-size: .8rem; }
        .figure-grid dd { font-size: 1.25rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        .definitions { margin: .75rem 0; }
        .definitions summary { cursor: pointer; color: #0b4f9c; }
        .definitions dl { grid-template-columns: 1fr; }
        .charts { display: grid; gap: 0 1.5rem; }
        .charts > section { min-width: 0; }
        header.site nav a { margin-right: .75rem; }
        main > svg[width="0"] { position: absolute; }
        figure.chart { margin: 0; overflow-x: auto; padding: .5rem; border: 1px solid #c4ccd6; border-radius: .5rem; background: #fff; }
        figure.chart svg { display: block; }
        figure.chart svg text { font-family: inherit; }
        figure.chart figcaption { font-size: .85rem; color: #3a4350; margin-top: .25rem; }
        .legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .8rem; color: #3a4350; margin-top: .5rem; }
        .legend svg { display: inline-block; vertical-align: middle; }
        table.records { border-collapse: collapse; width: 100%; font-size: .9rem; }
        table.records caption { text-align: left; padding: .5rem 0; font-weight: 700; }
        table.records th, table.records td { padding: .35rem .45rem; border-top: 1px solid #e3e8ef; text-align: left; vertical-align: top; overflow-wrap: normal; }
        table.records td { min-width: 7.5rem; }
        table.records thead th { border-top: 0; background: #f0f2f5; font-size: .8rem; white-space: nowrap; }
        article.packet .figure-grid { grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); }
        .figure-grid dd.detail { font-size: .8rem; font-weight: 400; color: #3a4350; }
        form.period .opt-ins { flex: 1 1 100%; margin-top: .75rem; }
        .opt-ins label { display: flex; align-items: center; gap: .5rem; font-weight: 400; margin-top: .35rem; }
        .opt-ins input { width: 1.25rem; height: 1.25rem; flex: none; margin: 0; }
        article.packet { margin-top: 1rem; padding: .75rem 1rem; border: 1px solid #c4ccd6; border-radius: .5rem; background: #fff; overflow-wrap: anywhere; }
        article.packet h2 { margin-top: .25rem; font-size: 1.35rem; }
        article.packet h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
        .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: #3a4350; margin: 0; }
        .purpose { font-style: italic; border-left: .3rem solid #6b7685; padding-left: .75rem; color: #3a4350; }
        form.row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem; margin: 0; }
        ul.holidays { margin-bottom: 1rem; }
        .admin-forms { display: grid; gap: 0 2rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
        .downloads ul { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; padding: 0; margin: .25rem 0; list-style: none; }
        @media (min-width: 48em) {
            .charts { grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); }
            main:has(> .table-scroll table.figures) { max-width: 90rem; }
        }
        @media print {
            form.period, .observations + section, section[aria-labelledby=observe-heading], .downloads,
            section[aria-labelledby=made-heading], header.site { display: none; }
            article.packet { border: 0; padding: 0; }
            .table-scroll, figure.chart { overflow: visible; border: 0; }
            table.figures { font-size: 8pt; }
            table.figures th, table.figures td { padding: 1mm 1.5mm; }
            .definitions { display: none; }
        }
        .shown-link { margin: 1rem 0; border-left: .3rem solid #1d7a3e; }
        code.secret { display: block; padding: .5rem; background: #f0f2f5; overflow-wrap: anywhere; user-select: all; }
        .card > h2 { margin-top: 0; }
        nav.pager { display: flex; gap: 1.5rem; margin: 1rem 0; }
        table.audit td:last-child { white-space: normal; min-width: 16rem; }

        """#
}
