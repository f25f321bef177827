extension Templates {
    /// `GET /chain`: the reporting tree with each person's mark (● coached and touched from above,
    /// ○ not), what is said of them and their reports under them; the gaps as sentences; the levels.
    static let chain = #"""
        <h1>{{heading}}</h1>
        <form class="period" method="get" action="/chain">
        <label for="weeks">Weeks up to today</label>
        <input id="weeks" name="weeks" type="number" min="1" max="520" value="{{weeks}}" inputmode="numeric">
        <button type="submit">Show</button>
        </form>
        <p class="lead">● coached, and someone above or beside them touched their coaching; ○ not. The marks are for a conversation; they do not rank people.</p>
        {{#empty}}<p class="empty">No one is in the reporting line yet.</p>{{/empty}}
        <ul class="chain">
        {{#tree}}{{> chain-person}}{{/tree}}
        </ul>
        {{#hasGaps}}
        <h2>Gaps</h2>
        <ul class="gaps">
        {{#gaps}}<li>{{.}}</li>{{/gaps}}
        </ul>
        {{/hasGaps}}
        <h2>By level</h2>
        <table class="figures">
        <caption>Coaches per level of the reporting line, and how many were touched from above</caption>
        <thead><tr><th scope="col">Level</th><th scope="col" class="num">Coaches</th><th scope="col" class="num">Touched from above</th></tr></thead>
        <tbody>
        {{#levels}}<tr><th scope="row">{{level}}</th><td class="num">{{coaches}}</td><td class="num">{{touched}}</td></tr>{{/levels}}
        </tbody>
        </table>

        """#

    /// One person of the chain and, nested, their reports.
    static let chainPerson = #"""
        <li id="person-{{handle}}"><span class="mark" role="img" aria-label="{{markLabel}}">{{mark}}</span> <strong>{{handle}}</strong> <span class="person">{{name}}</span> <span class="facts">{{facts}}</span>{{#hasReports}}
        <ul>{{#reports}}{{> chain-person}}{{/reports}}</ul>{{/hasReports}}</li>

        """#
}
