extension Templates {
    /// `GET /losses`: escalations waiting on their deciders, and the loss meanwhile.
    ///
    /// Every loss is an estimate, rolled up by decider and by unit; no learner is named. Tables
    /// scroll in their own box on a phone.
    static let losses = #"""
        <h1>{{heading}}</h1>
        {{#form}}{{> period-form}}{{/form}}
        <p class="lead">Obstacles only management can remove, and how long they wait. Every loss is an estimate; a reasoned decline is an answer. No learner is named.</p>
        {{#empty}}<p class="empty">{{empty}}</p>{{/empty}}
        {{#hasRows}}
        <div class="figure-grid">
        {{#figures}}<dl class="figure"><dt>{{label}}</dt><dd>{{value}}</dd></dl>
        {{/figures}}
        </div>
        <h2 id="deciders-heading">By decider</h2>
        <div class="table-scroll" role="region" aria-labelledby="deciders-heading" tabindex="0">
        <table class="figures">
        <thead><tr><th scope="col">Decider</th><th scope="col" class="num">Open</th><th scope="col" class="num">Unanswered</th><th scope="col" class="num">Estimated loss</th></tr></thead>
        <tbody>
        {{#deciders}}<tr><th scope="row">{{to}}</th><td class="num">{{open}}</td><td class="num">{{unanswered}}</td><td class="num">{{estimatedLoss}}</td></tr>
        {{/deciders}}
        </tbody>
        </table>
        </div>
        <h2 id="units-heading">By cause unit → affected unit</h2>
        <div class="table-scroll" role="region" aria-labelledby="units-heading" tabindex="0">
        <table class="figures">
        <thead><tr><th scope="col">Cause unit</th><th scope="col">Affected unit</th><th scope="col" class="num">Open</th><th scope="col" class="num">Estimated loss</th></tr></thead>
        <tbody>
        {{#units}}<tr><th scope="row">{{causeUnit}}</th><td>{{affectedUnit}}</td><td class="num">{{open}}</td><td class="num">{{estimatedLoss}}</td></tr>
        {{/units}}
        </tbody>
        </table>
        </div>
        <h2 id="items-heading">Escalations</h2>
        <div class="table-scroll" role="region" aria-labelledby="items-heading" tabindex="0">
        <table class="figures">
        <thead><tr><th scope="col">Id</th><th scope="col">Decider</th><th scope="col">Status</th><th scope="col">Told on</th><th scope="col" class="num">Days waiting</th><th scope="col" class="num">Estimated loss</th><th scope="col">Note</th></tr></thead>
        <tbody>
        {{#items}}<tr><td>{{id}}</td><td>{{to}}</td><td>{{status}}</td><td>{{toldOn}}</td><td class="num">{{daysWaiting}}</td><td class="num">{{estimatedLoss}}</td><td>{{note}}</td></tr>
        {{/items}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}

        """#
}
