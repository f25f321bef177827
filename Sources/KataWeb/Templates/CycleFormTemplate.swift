extension Templates {
    /// `GET /cycles/new?learner=`: the five coaching questions as one form, in the card's order.
    ///
    /// What the storyboard says (target condition, the obstacle being worked, the last step and what
    /// was expected) comes before the fields that answer it.
    static let cycleForm = #"""
        <h1>Log a cycle with {{learnerName}} <span class="handle">({{learner}})</span></h1>
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        <form method="post" action="/cycles" class="cycle">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="learner" value="{{learner}}">
        {{#targetID}}<input type="hidden" name="target" value="{{targetID}}">{{/targetID}}
        <fieldset>
        <legend>1. What is the target condition?</legend>
        {{#target}}
        <p class="context"><strong>{{focusProcess}}</strong>, achieve by <time datetime="{{achieveBy}}">{{achieveBy}}</time></p>
        <p class="context">{{condition}}</p>
        {{#amendments}}<p class="context">+ {{.}}</p>{{/amendments}}
        {{/target}}
        {{^target}}<p class="context">{{learner}} has no active target condition yet: log the actual condition, and set a target condition with ‘kata target add’.</p>{{/target}}
        </fieldset>
        <fieldset>
        <legend>2. What is the actual condition now?</legend>
        {{#actualCondition}}{{> text-field}}{{/actualCondition}}
        {{#lastStep}}
        <div class="context last-step">
        <p><span class="tag">Last step, {{plannedOn}}</span> {{step}}</p>
        <p><span class="tag">Expected</span> {{expected}}</p>
        {{#goSee}}<p><span class="tag">Go and see</span> {{goSee}}</p>{{/goSee}}
        </div>
        {{#happened}}{{> text-field}}{{/happened}}
        <fieldset class="choices inline"><legend>Was that what you expected? <span class="hint">(optional)</span></legend>
        {{#asExpectedError}}<p class="error" id="asExpected-error">{{asExpectedError}}</p>{{/asExpectedError}}
        {{#asExpected}}
        <div class="choice">
        <input type="radio" id="asExpected-{{value}}" name="asExpected" value="{{value}}"{{#checked}} checked{{/checked}}>
        <label for="asExpected-{{value}}">{{label}}</label>
        </div>
        {{/asExpected}}
        </fieldset>
        {{#learned}}{{> text-field}}{{/learned}}
        {{/lastStep}}
        </fieldset>
        <fieldset>
        <legend>3. What obstacles are now preventing you from reaching the target condition? Which one are you addressing now?</legend>
        {{#obstacleError}}<p class="error" id="obstacle-error">{{obstacleError}}</p>{{/obstacleError}}
        <fieldset class="choices"><legend class="visually-hidden">The obstacle you address now</legend>
        {{#obstacles}}
        <div class="choice">
        <input type="radio" id="obstacle-{{id}}" name="obstacle" value="{{id}}"{{#checked}} checked{{/checked}}>
        <label for="obstacle-{{id}}">{{text}}{{#working}} <span class="tag">being worked</span>{{/working}}</label>
        </div>
        {{/obstacles}}
        </fieldset>
        {{#newObstacle}}{{> text-field}}{{/newObstacle}}
        </fieldset>
        <fieldset>
        <legend>4. What is your next step (next experiment)? What do you expect?</legend>
        {{#nextStep}}{{> text-field}}{{/nextStep}}
        {{#expected}}{{> text-field}}{{/expected}}
        </fieldset>
        <fieldset>
        <legend>5. When can we go and see what we have learned from taking that step?</legend>
        {{#goSee}}{{> input-field}}{{/goSee}}
        </fieldset>
        <fieldset>
        <legend>The cycle</legend>
        {{#date}}{{> input-field}}{{/date}}
        {{#minutes}}{{> input-field}}{{/minutes}}
        </fieldset>
        <button type="submit">Log the cycle</button>
        </form>
        <p><a href="/storyboards/{{learner}}">{{learnerName}}’s storyboard</a></p>

        """#
}
