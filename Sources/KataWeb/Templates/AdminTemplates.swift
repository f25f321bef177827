extension Templates {
    /// `GET /admin`: the pages an admin has.
    static let adminHome = #"""
        <h1>Administration</h1>
        <ul class="cards">
        <li class="card"><h2><a href="/admin/accounts">Accounts</a></h2>
        <p class="meta">Add an account with a one-time set-password link; change roles, disable, make a new link, revoke API tokens.</p></li>
        <li class="card"><h2><a href="/admin/audit">Audit log</a></h2>
        <p class="meta">Who wrote what, when and through which credential, newest first.</p></li>
        <li class="card"><h2><a href="/admin/people">People</a></h2>
        <p class="meta">Every person with their unit and the pairings active today.</p></li>
        <li class="card"><h2><a href="/admin/settings">Settings and holidays</a></h2>
        <p class="meta">The time zone of “today”, the workweek and the holidays the practice figures leave out.</p></li>
        <li class="card"><h2><a href="/admin/import">Import a file</a></h2>
        <p class="meta">Check an interchange JSONL or cycles CSV file with a dry run, then import it all or nothing.</p></li>
        </ul>

        """#

    /// The roles checkboxes of an admin form: the partial `{{> admin-roles}}`.
    ///
    /// Rendered with an `AdminRolesField`; the form sends each ticked role as `roles[]`.
    static let adminRoles = #"""
        <fieldset class="roles{{#rolesError}} invalid{{/rolesError}}"{{#rolesError}} aria-describedby="{{prefix}}roles-error"{{/rolesError}}>
        <legend>{{legend}}</legend>
        {{#rolesError}}<p class="error" id="{{prefix}}roles-error">{{rolesError}}</p>{{/rolesError}}
        {{#choices}}<div class="choice"><input type="checkbox" id="{{id}}" name="roles[]" value="{{value}}"{{#checked}} checked{{/checked}}><label for="{{id}}">{{label}}</label></div>
        {{/choices}}
        </fieldset>

        """#

    /// A set-password link made by this answer, shown this once: the partial `{{> admin-link}}`.
    ///
    /// Rendered with an `AdminShownLink`.
    static let adminLink = #"""
        <section aria-labelledby="link-heading" class="card shown-link">
        <h2 id="link-heading">Set-password link for {{handle}}</h2>
        <p>Give it to {{handle}} in person or by a channel you trust: it sets the account's password once, until {{expires}}. It is shown only now; make a new one from the account's page if it is lost.</p>
        <p><code class="secret">{{url}}</code></p>
        </section>

        """#

    /// `GET /admin/accounts`: every account, and Add an account.
    static let adminAccounts = #"""
        <h1>Accounts</h1>
        <p class="lead"><a href="/admin">Administration</a></p>
        {{#added}}{{> admin-link}}{{/added}}
        <div class="table-scroll" role="region" aria-labelledby="accounts-caption" tabindex="0">
        <table class="figures">
        <caption id="accounts-caption">Every account ({{count}})</caption>
        <thead><tr><th scope="col">Handle</th><th scope="col">Name</th><th scope="col">Roles</th><th scope="col">State</th><th scope="col">Created</th></tr></thead>
        <tbody>
        {{#accounts}}<tr><th scope="row"><a href="/admin/accounts/{{handle}}">{{handle}}</a></th><td>{{name}}</td><td>{{roles}}</td><td>{{state}}</td><td>{{created}}</td></tr>
        {{/accounts}}
        </tbody>
        </table>
        </div>
        <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add an account</h2>
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        <form method="post" action="/admin/accounts" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#handleField}}{{> input-field}}{{/handleField}}
        {{#rolesField}}{{> admin-roles}}{{/rolesField}}
        <button type="submit">Add the account</button>
        </form>
        </section>

        """#

    /// `GET /admin/accounts/{handle}`: one account, its forms and its API tokens.
    static let adminAccount = #"""
        {{#account}}
        <h1>Account {{handle}}{{#name}} <span class="handle">({{name}})</span>{{/name}}</h1>
        <p class="lead"><a href="/admin/accounts">Every account</a></p>
        <dl class="account">
        <dt>Roles</dt><dd id="account-roles">{{roles}}</dd>
        <dt>State</dt><dd id="account-state">{{state}}</dd>
        <dt>Created</dt><dd>{{created}}</dd>
        </dl>
        {{/account}}
        {{#link}}{{> admin-link}}{{/link}}
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        {{#account}}
        <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">Roles</h2>
        <form method="post" action="/admin/accounts/{{handle}}/roles" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#rolesField}}{{> admin-roles}}{{/rolesField}}
        <button type="submit">Change the roles</button>
        </form>
        </section>
        <section aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">Signing in</h2>
        <form method="post" action="/admin/accounts/{{handle}}/password-link" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p class="hint">A new one-time link lets {{handle}} set a new password; it works once, for 24 hours.</p>
        <button type="submit">Make a new set-password link</button>
        </form>
        {{#enabled}}
        <form method="post" action="/admin/accounts/{{handle}}/disable" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p class="hint">A disabled account cannot sign in, and its tokens and sessions fail at once. It is never deleted: the audit log keeps naming it.</p>
        <button type="submit">Disable {{handle}}</button>
        </form>
        {{/enabled}}
        </section>
        <section aria-labelledby="tokens">
        <h2 id="tokens">API tokens</h2>
        {{^hasTokens}}<p class="empty">No token of {{handle}} works.</p>{{/hasTokens}}
        {{#hasTokens}}
        <div class="table-scroll" role="region" aria-labelledby="tokens-caption" tabindex="0">
        <table class="figures">
        <caption id="tokens-caption">The tokens of {{handle}} that work (revoked ones are not listed)</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"><span class="visually-hidden">Revoke</span></th></tr></thead>
        <tbody>
        {{#tokens}}<tr><th scope="row">{{tokenName}}</th><td><code>{{id}}</code></td><td>{{created}}</td><td>{{lastUsed}}</td><td><form method="post" action="/admin/tokens/{{id}}/revoke"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="quiet">Revoke<span class="visually-hidden"> {{tokenName}}</span></button></form></td></tr>
        {{/tokens}}
        </tbody>
        </table>
        </div>
        {{/hasTokens}}
        </section>
        {{/account}}

        """#

    /// `GET /admin/audit`: the filters, a page of the audit log and the links to the pages beside it.
    static let adminAudit = #"""
        <h1>Audit log</h1>
        <p class="lead"><a href="/admin">Administration</a> · newest first</p>
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        <form method="get" action="/admin/audit" class="period">
        {{#accountField}}{{> input-field}}{{/accountField}}
        {{#kindField}}{{> input-field}}{{/kindField}}
        <button type="submit">Show</button>
        </form>
        {{^hasEntries}}<p class="empty">No entries.</p>{{/hasEntries}}
        {{#hasEntries}}
        <div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table class="figures audit">
        <caption id="audit-caption">{{range}}</caption>
        <thead><tr><th scope="col">When (UTC)</th><th scope="col">Account</th><th scope="col">Via</th><th scope="col">Kind</th><th scope="col">Record</th><th scope="col">Action</th><th scope="col">Detail</th></tr></thead>
        <tbody>
        {{#entries}}<tr><th scope="row"><time datetime="{{at}}">{{at}}</time></th><td>{{who}}</td><td>{{via}}</td><td>{{entryKind}}</td><td>{{record}}</td><td>{{action}}</td><td>{{detail}}</td></tr>
        {{/entries}}
        </tbody>
        </table>
        </div>
        {{/hasEntries}}
        <nav class="pager" aria-label="Pages of the audit log">{{#newer}}<a href="{{newer}}" rel="prev">Newer</a>{{/newer}} {{#older}}<a href="{{older}}" rel="next">Older</a>{{/older}}</nav>

        """#

    /// `GET /admin/people`: every person with their unit and today's pairings.
    static let adminPeople = #"""
        <h1>People</h1>
        <p class="lead"><a href="/admin">Administration</a> · pairings active on {{day}}</p>
        {{^hasPeople}}<p class="empty">No one yet.</p>{{/hasPeople}}
        {{#hasPeople}}
        <div class="table-scroll" role="region" aria-labelledby="people-caption" tabindex="0">
        <table class="figures">
        <caption id="people-caption">Every person ({{count}}), by unit</caption>
        <thead><tr><th scope="col">Handle</th><th scope="col">Name</th><th scope="col">Unit</th><th scope="col">State</th><th scope="col">Coach of</th><th scope="col">Coached by</th><th scope="col">2nd coach of</th></tr></thead>
        <tbody>
        {{#people}}<tr><th scope="row">{{handle}}</th><td>{{personName}}</td><td>{{unit}}</td><td>{{state}}</td><td>{{learners}}</td><td>{{coaches}}</td><td>{{secondCoachOf}}</td></tr>
        {{/people}}
        </tbody>
        </table>
        </div>
        {{/hasPeople}}
        <div class="admin-forms">
        <section aria-labelledby="add-person-heading">
        <h2 id="add-person-heading">Add a person</h2>
        {{#person}}{{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/admin/people" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}{{> admin-field}}{{/fields}}
        <button type="submit">Add the person</button>
        </form>{{/person}}
        </section>
        <section aria-labelledby="add-pairing-heading">
        <h2 id="add-pairing-heading">Add a pairing</h2>
        {{#pairing}}{{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/admin/pairings" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}{{> admin-field}}{{/fields}}
        <button type="submit">Add the pairing</button>
        </form>{{/pairing}}
        </section>
        <section aria-labelledby="end-pairing-heading">
        <h2 id="end-pairing-heading">End a pairing</h2>
        {{#end}}{{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/admin/pairings/end" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}{{> admin-field}}{{/fields}}
        <button type="submit">End the pairing</button>
        </form>{{/end}}
        </section>
        </div>

        """#

    /// A field of the people page's forms, whose `id` differs from its `name` (two forms there
    /// have a coach and a learner).
    static let adminField = #"""
        <div class="field{{#error}} invalid{{/error}}">
        <label for="{{id}}">{{label}}</label>
        {{#hint}}<p class="hint" id="{{id}}-hint">{{hint}}</p>{{/hint}}
        {{#error}}<p class="error" id="{{id}}-error">{{error}}</p>{{/error}}
        <input id="{{id}}" name="{{name}}" type="{{type}}" value="{{value}}"{{#autocomplete}} autocomplete="{{autocomplete}}"{{/autocomplete}}{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>
        </div>

        """#
}
