extension Templates {
    /// `GET /storyboards/{learner}`: the content of `kata storyboard`, laid out like the paper
    /// storyboard at the process: challenge, target condition, current condition, obstacle parking
    /// lot and experimenting record, side by side on a desktop and on A4, one under the other on a phone.
    static let storyboard = #"""
        <h1>Storyboard of {{name}} <span class="handle">({{handle}})</span>{{#unit}} · {{unit}}{{/unit}}</h1>
        {{#canLog}}<p class="actions"><a class="primary" href="/cycles/new?learner={{handle}}">Log a cycle</a></p>{{/canLog}}
        <div class="board">
        <section class="panel challenge" aria-labelledby="challenge-heading">
        <h2 id="challenge-heading">Challenge</h2>
        {{#challenge}}<p><strong>{{title}}</strong>{{#by}} (by {{by}}){{/by}}</p>{{#details}}<p>{{details}}</p>{{/details}}{{/challenge}}
        {{^challenge}}<p class="empty">No challenge named.</p>{{/challenge}}
        </section>
        <section class="panel target" aria-labelledby="target-heading">
        <h2 id="target-heading">Target condition</h2>
        <p class="meta">{{focusProcess}} · achieve by <time datetime="{{achieveBy}}">{{achieveBy}}</time> · {{status}}{{#timeLeft}} ({{timeLeft}}){{/timeLeft}}</p>
        <p>{{condition}}</p>
        {{#amendments}}<p>+ {{.}}</p>{{/amendments}}
        {{#hasMetrics}}
        <ul class="metrics">{{#metrics}}<li>{{.}}</li>{{/metrics}}</ul>
        {{/hasMetrics}}
        {{#reflection}}<p><span class="tag">Reflection</span> {{reflection}}</p>{{/reflection}}
        </section>
        <section class="panel current" aria-labelledby="current-heading">
        <h2 id="current-heading">Current condition</h2>
        {{#current}}
        <p class="meta"><time datetime="{{date}}">{{date}}</time>{{#fromCycle}} (coaching cycle){{/fromCycle}}</p>
        <p>{{text}}</p>
        {{#hasValues}}<ul class="metrics">{{#values}}<li>{{.}}</li>{{/values}}</ul>{{/hasValues}}
        {{/current}}
        {{^current}}<p class="empty">Not recorded yet.</p>{{/current}}
        </section>
        <section class="panel obstacles" aria-labelledby="obstacles-heading">
        <h2 id="obstacles-heading">Obstacle parking lot</h2>
        {{#hasObstacles}}
        <ul class="parking-lot">
        {{#obstacles}}<li{{#working}} class="working"{{/working}}>{{#working}}<span class="tag">being worked</span> {{/working}}{{text}} <span class="status">[{{status}}]</span></li>{{/obstacles}}
        </ul>
        {{/hasObstacles}}
        {{^hasObstacles}}<p class="empty">Empty.</p>{{/hasObstacles}}
        </section>
        <section class="panel record" aria-labelledby="record-heading">
        <h2 id="record-heading">Experimenting record</h2>
        {{#hasSteps}}
        <ol class="steps">
        {{#steps}}
        <li>
        <p class="meta"><time datetime="{{plannedOn}}">{{plannedOn}}</time>{{#goSee}} · go and see {{goSee}}{{/goSee}}</p>
        <dl>
        <dt>Step</dt><dd>{{step}}</dd>
        {{#obstacle}}<dt>Obstacle</dt><dd>{{obstacle}}</dd>{{/obstacle}}
        <dt>Expected</dt><dd>{{expected}}</dd>
        {{#closed}}<dt>Happened</dt><dd>{{happened}}</dd>{{#asExpected}}<dt>As expected?</dt><dd>{{asExpected}}</dd>{{/asExpected}}<dt>Learned</dt><dd>{{learned}}</dd>{{/closed}}
        {{^closed}}<dt>Result</dt><dd class="empty">Not in yet.</dd>{{/closed}}
        </dl>
        </li>
        {{/steps}}
        </ol>
        {{/hasSteps}}
        {{^hasSteps}}<p class="empty">No steps yet.</p>{{/hasSteps}}
        </section>
        </div>
        <section class="panel growth" aria-labelledby="growth-heading">
        <h2 id="growth-heading">Growth as a learner <span class="hint">(all target conditions)</span></h2>
        <dl>
        {{#growth}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/growth}}
        </dl>
        </section>

        """#
}
