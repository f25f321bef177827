extension Templates {
    /// `GET /practice`: the §6 figures of every coach the visitor may see, sorted by handle, each
    /// with a strip of coached days per week; the roll-up; the learners left longest.
    ///
    /// `{{{strip}}}` is the one value not escaped here: SVG that `CoachedDaysStrip` draws from
    /// numbers only. The table scrolls sideways in its own box on a phone.
    static let practice = #"""
        <h1>{{heading}}</h1>
        {{#notOver}}<p class="notice" role="status">{{notOver}}</p>{{/notOver}}
        {{#form}}{{> period-form}}{{/form}}
        <p class="lead">{{summary}} The figures describe practice; they do not rank people.</p>
        {{#empty}}<p class="empty">{{empty}}</p>{{/empty}}
        {{#hasRows}}
        <div class="table-scroll" role="region" aria-labelledby="coaches-caption" tabindex="0">
        <table class="figures">
        <caption id="coaches-caption">Coaching practice per coach</caption>
        <thead><tr>
        <th scope="col">Coach</th><th scope="col" class="num">Cycles</th><th scope="col" class="num">Coached days</th>
        <th scope="col" class="num">Cadence</th><th scope="col" class="num">Longest streak</th>
        <th scope="col" class="num">Current streak</th><th scope="col" class="num">Longest gap</th>
        <th scope="col">Last cycle</th><th scope="col" class="num">Days since</th>
        <th scope="col" class="num">Average minutes</th><th scope="col" class="num">Over 20 min</th>
        <th scope="col" class="num">Prediction rate</th><th scope="col" class="num">Observations</th>
        <th scope="col">Coached days per week</th>
        </tr></thead>
        <tbody>
        {{#rows}}
        <tr id="coach-{{coach}}">
        <th scope="row"><a href="{{link}}">{{coach}}</a> <span class="person">{{name}}{{#unit}} · {{unit}}{{/unit}}</span></th>
        <td class="num">{{cycles}}</td><td class="num">{{coached}}</td>
        <td class="num{{#below}} below{{/below}}">{{cadence}}{{#below}} <span class="flag">{{belowLabel}}</span>{{/below}}</td>
        <td class="num">{{longestStreak}}</td><td class="num">{{currentStreak}}</td><td class="num">{{longestGap}}</td>
        <td>{{lastCycle}}</td><td class="num">{{daysSinceLastCycle}}</td><td class="num">{{averageMinutes}}</td>
        <td class="num">{{cyclesOver20Minutes}}</td><td class="num">{{predictionRate}}</td><td class="num">{{observations}}</td>
        <td>{{{strip}}}</td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        <p class="hint">Coached days: workdays with a cycle / workdays of the coach's span (from the first pairing as coach to the last one's end). Cadence: coached days ÷ workdays. Streaks and gaps count workdays. Prediction rate: steps planned with a written expectation. The strip: each week's workdays (light) and coached days (dark).</p>
        {{/hasRows}}
        {{#hasGroups}}
        <h2>{{groupHeading}}</h2>
        <div class="table-scroll" role="region" aria-labelledby="groups-caption" tabindex="0">
        <table class="figures">
        <caption id="groups-caption">{{groupHeading}}: coaches, cycles, mean cadence</caption>
        <thead><tr><th scope="col">{{groupColumn}}</th><th scope="col" class="num">Coaches</th><th scope="col" class="num">Cycles</th><th scope="col" class="num">Mean cadence</th><th scope="col" class="num">Coaches {{belowLabel}}</th></tr></thead>
        <tbody>
        {{#groups}}<tr><th scope="row">{{name}}</th><td class="num">{{coaches}}</td><td class="num">{{cycles}}</td><td class="num">{{meanCadence}}</td><td class="num">{{coachesBelow}}</td></tr>
        {{/groups}}
        </tbody>
        </table>
        </div>
        {{/hasGroups}}
        {{#left}}{{> left-longest}}{{/left}}

        """#

    /// The learners left longest, on Practice and on a coach's page.
    static let leftLongest = #"""
        {{#hasLearners}}
        <h2 id="left-heading">{{heading}}</h2>
        <div class="table-scroll" role="region" aria-labelledby="left-heading" tabindex="0">
        <table class="figures">
        <thead><tr><th scope="col">Learner</th><th scope="col">Name</th><th scope="col">Coach</th><th scope="col">Last cycle</th><th scope="col" class="num">Days</th></tr></thead>
        <tbody>
        {{#learners}}<tr><td>{{learner}}</td><td>{{name}}</td><td><a href="{{coachLink}}">{{coach}}</a></td><td>{{lastCycle}}</td><td class="num">{{days}}</td></tr>
        {{/learners}}
        </tbody>
        </table>
        </div>
        {{/hasLearners}}

        """#

    /// The form that picks the period of Practice and of a coach's page (GET, so the address
    /// names the period and can be shared); on Practice also the roll-up and the cadence filter.
    static let periodForm = #"""
        <form method="get" action="{{action}}" class="period">
        {{> period-fields}}
        {{#filters}}
        <div class="field">
        <label for="group">Roll up</label>
        <select id="group" name="group">
        {{#groupOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/groupOptions}}
        </select>
        </div>
        <div class="field">
        <label for="below">Only coaches below cadence (%)</label>
        <input id="below" name="below" type="number" min="0" max="100" inputmode="numeric" value="{{below}}">
        </div>
        {{/filters}}
        <button type="submit">Show</button>
        <p class="hint" id="dates-hint">The dates count when the period is ‘The dates below’.</p>
        </form>

        """#
}

extension Templates {
    /// The period's select and its two dates, in a form of a `PeriodForm`: the period form's, and
    /// the Reviews page's beside the coach.
    static let periodFields = #"""
        <div class="field">
        <label for="period">Period</label>
        <select id="period" name="period">
        {{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}
        </select>
        </div>
        <div class="field dates">
        <label for="from">From</label>
        <input id="from" name="from" type="date" value="{{from}}" aria-describedby="dates-hint">
        </div>
        <div class="field dates">
        <label for="to">To</label>
        <input id="to" name="to" type="date" value="{{to}}" aria-describedby="dates-hint">
        </div>
        """#
}
