extension Templates {
    /// `GET /login`: handle, password and the pre-session CSRF token.
    static let login = #"""
        <h1>Sign in</h1>
        {{#message}}<p class="error" role="alert">{{message}}</p>{{/message}}
        <form method="post" action="/login" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#next}}<input type="hidden" name="next" value="{{next}}">{{/next}}
        <div class="field">
        <label for="handle">Handle</label>
        <input id="handle" name="handle" value="{{handle}}" autocomplete="username" autocapitalize="none" spellcheck="false" required>
        </div>
        <div class="field">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        </div>
        <button type="submit">Sign in</button>
        </form>

        """#

    /// `GET /set-password/{token}`: the one-time link of `kata account add`.
    static let setPassword = #"""
        <h1>Set your password</h1>
        <p>At least 12 characters; a few words make a good one.</p>
        {{#message}}<p class="error" role="alert">{{message}}</p>{{/message}}
        <form method="post" action="/set-password/{{token}}" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#password}}{{> input-field}}{{/password}}
        {{#confirm}}{{> input-field}}{{/confirm}}
        <button type="submit">Set password</button>
        </form>

        """#
}
