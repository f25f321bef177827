extension Templates {
    /// `GET /admin/settings`: the time zone and the workweek in one form, then the holidays, each
    /// with its own remove form, and a form to add one.
    static let adminSettings = #"""
        <h1>Settings</h1>
        <p class="lead">How the whole organisation counts days: the time zone of “today”, the workweek and the holidays that the practice figures leave out.</p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/admin/settings" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#timeZone}}{{> input-field}}{{/timeZone}}
        <fieldset>
        <legend>Workweek</legend>
        <p class="hint">The days on which coaching is expected; at least one.</p>
        {{#weekdays}}<div class="choice"><input type="checkbox" id="day-{{name}}" name="{{name}}"{{#checked}} checked{{/checked}}><label for="day-{{name}}">{{label}}</label></div>
        {{/weekdays}}
        </fieldset>
        <button type="submit">Save the settings</button>
        </form>
        <section aria-labelledby="holidays-heading">
        <h2 id="holidays-heading">Holidays</h2>
        {{^hasHolidays}}<p class="empty">No holidays yet.</p>{{/hasHolidays}}
        {{#hasHolidays}}
        <ul class="cards holidays">
        {{#holidays}}<li class="card"><form method="post" action="/admin/holidays/remove" class="row">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="date" value="{{date}}">
        <span><time datetime="{{date}}">{{date}}</time> · {{weekday}}{{#past}} <span class="status">(past)</span>{{/past}}</span>
        <button type="submit" class="quiet" aria-label="Remove the holiday of {{date}}">Remove</button>
        </form></li>
        {{/holidays}}
        </ul>
        {{/hasHolidays}}
        <form method="post" action="/admin/holidays" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#holiday}}{{> input-field}}{{/holiday}}
        <button type="submit">Add the holiday</button>
        </form>
        </section>

        """#
}
