extension Templates {
    /// `GET /coaches/{handle}`: one coach's §6 figures with their definitions, the weekly trend and
    /// the calendar heatmap of the HR packet, the learners left longest, the observations of the
    /// period, and Record an observation for the coach's 2nd coaches.
    ///
    /// `{{{charts}}}`, `{{{weeklyChart}}}` and `{{{heatmap}}}` are the values not escaped here: the
    /// SVG of `ReviewHTMLCharts`, which escapes every text it draws.
    static let coach = #"""
        <h1>Coaching practice of {{name}} <span class="handle">({{handle}})</span>{{#unit}} · {{unit}}{{/unit}}</h1>
        <p class="lead">{{heading}} · <a href="{{practiceLink}}">Practice of every coach</a></p>
        {{#notOver}}<p class="notice" role="status">{{notOver}}</p>{{/notOver}}
        {{#form}}{{> period-form}}{{/form}}
        {{#empty}}<p class="empty">{{empty}}</p>{{/empty}}
        {{#hasFigures}}
        <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">Practice figures</h2>
        <div class="figure-grid">
        {{#figures}}<dl class="figure" id="figure-{{figure}}"><dt>{{label}}</dt><dd>{{value}}</dd></dl>
        {{/figures}}
        </div>
        <details class="definitions"><summary>What the figures mean</summary>
        <dl>{{#figures}}<dt>{{label}}</dt><dd>{{definition}}</dd>{{/figures}}</dl>
        </details>
        </section>
        {{{charts}}}
        <div class="charts">
        <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Weekly trend</h2>
        <figure class="chart">{{{weeklyChart}}}<figcaption>Coached days in each ISO week of the period (the number on each bar).</figcaption></figure>
        </section>
        <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Coached days</h2>
        <figure class="chart">{{{heatmap}}}</figure>
        </section>
        </div>
        {{/hasFigures}}
        {{#left}}{{> left-longest}}{{/left}}
        {{#showsObservations}}
        <section aria-labelledby="observations" class="observations">
        <h2 id="observations">2nd-coach observations in the period</h2>
        {{^hasObservations}}<p class="empty">None in this period.</p>{{/hasObservations}}
        {{#hasObservations}}
        <ul class="cards">
        {{#observations}}
        <li class="card">
        <p class="meta"><time datetime="{{date}}">{{date}}</time> · by {{secondCoach}}</p>
        <dl>
        {{#notes}}<dt>Observed</dt><dd>{{notes}}</dd>{{/notes}}
        {{#focus}}<dt>Focus point</dt><dd>{{focus}}</dd>{{/focus}}
        {{#trigger}}<dt>Trigger</dt><dd>{{trigger}}</dd>{{/trigger}}
        </dl>
        </li>
        {{/observations}}
        </ul>
        {{/hasObservations}}
        </section>
        {{/showsObservations}}
        {{#observe}}
        <section aria-labelledby="observe-heading">
        <h2 id="observe-heading">Record an observation</h2>
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        <form method="post" action="{{action}}" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#date}}{{> input-field}}{{/date}}
        <div class="field{{#cycleError}} invalid{{/cycleError}}">
        <label for="cycle">The cycle observed</label>
        {{#cycleError}}<p class="error" id="cycle-error">{{cycleError}}</p>{{/cycleError}}
        <select id="cycle" name="cycle"{{#cycleError}} aria-invalid="true" aria-describedby="cycle-error"{{/cycleError}}>
        <option value="">None named</option>
        {{#cycles}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/cycles}}
        </select>
        </div>
        {{#notes}}{{> text-field}}{{/notes}}
        {{#focus}}{{> text-field}}{{/focus}}
        {{#trigger}}{{> text-field}}{{/trigger}}
        <button type="submit">Record the observation</button>
        </form>
        </section>
        {{/observe}}

        """#
}
