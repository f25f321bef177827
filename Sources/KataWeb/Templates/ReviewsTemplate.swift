extension Templates {
    /// `GET /reviews`: the choice of coach, period and opt-ins; one coach's packet with the
    /// sections of the HTML packet, or every coach's packets in a table; the downloads; the packets
    /// made about the visitor.
    ///
    /// `{{{charts}}}`, `{{{weeklyChart}}}` and `{{{heatmap}}}` are the values not escaped here: the
    /// SVG of `ReviewHTMLCharts`, which escapes every text it draws.
    static let reviews = #"""
        <h1>Reviews</h1>
        <p class="lead">A coach's practice packet, for a development conversation. Private by default: learner names and free text only when asked for. Every packet made is in the audit log, and the coach can see who made one.</p>
        <form method="get" action="{{action}}" class="period review-choice">
        <div class="field">
        <label for="coach">Coach</label>
        <select id="coach" name="coach">
        {{#coaches}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/coaches}}
        </select>
        </div>
        {{#form}}{{> period-fields}}{{/form}}
        <fieldset class="opt-ins">
        <legend>Include (off unless ticked)</legend>
        <label><input type="checkbox" name="learnerNames"{{#learnerNames}} checked{{/learnerNames}}> Learner names</label>
        <label><input type="checkbox" name="notes"{{#notes}} checked{{/notes}}> Free text (conditions, reflections, observation notes)</label>
        </fieldset>
        <button type="submit">Make the packet</button>
        <p class="hint" id="dates-hint">The dates count when the period is ‘The dates below’.</p>
        </form>
        {{#notOver}}<p class="notice" role="status">{{notOver}}</p>{{/notOver}}
        {{#hasDownloads}}
        <section aria-labelledby="downloads-heading" class="downloads">
        <h2 id="downloads-heading">Download</h2>
        <ul>{{#downloads}}<li><a href="{{link}}" download>{{label}}</a></li>{{/downloads}}</ul>
        <p class="hint">Each file holds what the packet on this page holds.</p>
        </section>
        {{/hasDownloads}}
        {{#packet}}
        <article class="packet" aria-labelledby="packet-heading">
        <header>
        <p class="kicker">Coaching practice review</p>
        <h2 id="packet-heading">{{name}} <span class="handle">({{handle}})</span></h2>
        <dl class="meta">{{#meta}}<dt>{{term}}</dt><dd>{{value}}</dd>{{/meta}}</dl>
        <p class="purpose">{{purpose}}</p>
        </header>
        {{#emptyPeriod}}<p class="notice">{{emptyPeriod}}</p>{{/emptyPeriod}}
        <section aria-labelledby="packet-figures">
        <h3 id="packet-figures">Practice figures</h3>
        <div class="figure-grid">
        {{#figures}}<dl class="figure" id="figure-{{figure}}"><dt>{{label}}</dt><dd>{{value}}</dd>{{#detail}}<dd class="detail">{{detail}}</dd>{{/detail}}</dl>
        {{/figures}}
        </div>
        </section>
        {{{charts}}}
        <div class="charts">
        <section aria-labelledby="packet-trend">
        <h3 id="packet-trend">Weekly trend</h3>
        <figure class="chart">{{{weeklyChart}}}<figcaption>Coached days in each ISO week of the period (the number on each bar).</figcaption></figure>
        </section>
        <section aria-labelledby="packet-calendar">
        <h3 id="packet-calendar">Coached days</h3>
        <figure class="chart">{{{heatmap}}}</figure>
        </section>
        </div>
        <section aria-labelledby="packet-learners">
        <h3 id="packet-learners">Learners coached</h3>
        {{#learners}}{{> review-table}}{{/learners}}
        {{^learners}}<p class="empty">No cycles with learners in this period.</p>{{/learners}}
        </section>
        <section aria-labelledby="packet-targets">
        <h3 id="packet-targets">Target conditions coached</h3>
        {{#targets}}{{> review-table}}{{/targets}}
        {{^targets}}<p class="empty">No cycle in this period worked on a target condition.</p>{{/targets}}
        </section>
        <section aria-labelledby="packet-observations">
        <h3 id="packet-observations">2nd-coach observations</h3>
        {{#observations}}{{> review-table}}{{/observations}}
        {{^observations}}<p class="empty">No observations in this period.</p>{{/observations}}
        </section>
        <section aria-labelledby="packet-own">
        <h3 id="packet-own">Own development as a learner</h3>
        <p>{{ownSummary}}</p>
        {{#ownGrowth}}<h4>Growth as a learner in this period</h4><dl class="growth">{{#lines}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/lines}}</dl>{{/ownGrowth}}
        {{#ownTargets}}{{> review-table}}{{/ownTargets}}
        {{^ownTargets}}<p class="empty">No target conditions of their own were active in this period.</p>{{/ownTargets}}
        </section>
        {{#escalations}}
        <section aria-labelledby="packet-escalations">
        <h3 id="packet-escalations">Escalations you were asked to decide</h3>
        <p>{{summary}}</p>
        {{#hasZeroCost}}<h4>{{zeroCostHeading}}</h4><ul>{{#zeroCost}}<li>{{.}}</li>{{/zeroCost}}</ul>{{/hasZeroCost}}
        </section>
        {{/escalations}}
        <details class="definitions"><summary>What the figures mean</summary>
        <dl>{{#definitions}}<dt>{{label}}</dt><dd>{{definition}}</dd>{{/definitions}}</dl>
        </details>
        <footer class="hint">{{footer}}</footer>
        </article>
        {{/packet}}
        {{#noPackets}}<p class="empty">No coach coached in this period.</p>{{/noPackets}}
        {{#hasLines}}
        <div class="table-scroll" role="region" aria-labelledby="packets-caption" tabindex="0">
        <table class="figures">
        <caption id="packets-caption">Every coach's packet, by handle (open one to see it whole)</caption>
        <thead><tr><th scope="col">Coach</th><th scope="col" class="num">Cycles</th><th scope="col" class="num">Coached days</th><th scope="col" class="num">Workdays</th><th scope="col" class="num">Cadence</th><th scope="col" class="num">Observations</th></tr></thead>
        <tbody>
        {{#lines}}
        <tr id="coach-{{handle}}"><th scope="row"><a href="{{link}}">{{handle}}</a> <span class="person">{{name}}{{#unit}} · {{unit}}{{/unit}}</span></th><td class="num">{{cycles}}</td><td class="num">{{coachedDays}}</td><td class="num">{{workdays}}</td><td class="num">{{cadence}}</td><td class="num">{{observations}}</td></tr>
        {{/lines}}
        </tbody>
        </table>
        </div>
        {{/hasLines}}
        <section aria-labelledby="made-heading">
        <h2 id="made-heading">Packets made about you</h2>
        {{^hasMadeAboutMe}}<p class="empty">No review packet has been made about you.</p>{{/hasMadeAboutMe}}
        {{#hasMadeAboutMe}}
        <div class="table-scroll" role="region" aria-labelledby="made-caption" tabindex="0">
        <table class="records">
        <caption id="made-caption">When, by whom, for which period and with which opt-ins</caption>
        <thead><tr><th scope="col">Made</th><th scope="col">By</th><th scope="col">Period and opt-ins</th></tr></thead>
        <tbody>
        {{#madeAboutMe}}<tr><td>{{at}}</td><td>{{by}}</td><td>{{detail}}</td></tr>{{/madeAboutMe}}
        </tbody>
        </table>
        </div>
        {{/hasMadeAboutMe}}
        </section>

        """#

    /// One table of a review packet on screen: the first cell of each row heads it.
    static let reviewTable = #"""
        <div class="table-scroll" role="region" aria-label="{{caption}}" tabindex="0">
        <table class="records">
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}<tr><th scope="row">{{head}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}
        </tbody>
        </table>
        </div>

        """#
}
