extension Templates {
    /// `GET /`: the coach's due list, as `kata due`, and the other learners they coach.
    static let today = #"""
        <h1>Today</h1>
        <p class="lead">{{day}}: the learners to go and see</p>
        {{^hasDue}}<p>No learner is due today.</p>{{/hasDue}}
        {{#hasDue}}
        <ul class="cards">
        {{#due}}
        <li class="card">
        <a class="primary" href="/cycles/new?learner={{handle}}">Log a cycle with {{name}} <span class="handle">({{handle}})</span></a>
        <ul class="reasons">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>
        <a href="/storyboards/{{handle}}">{{name}}’s storyboard</a>
        </li>
        {{/due}}
        </ul>
        {{/hasDue}}
        {{#hasOthers}}
        <h2>Your other learners</h2>
        <ul class="cards">
        {{#others}}
        <li class="card">
        <a class="primary" href="/cycles/new?learner={{handle}}">Log a cycle with {{name}} <span class="handle">({{handle}})</span></a>
        <a href="/storyboards/{{handle}}">{{name}}’s storyboard</a>
        </li>
        {{/others}}
        </ul>
        {{/hasOthers}}

        """#
}
