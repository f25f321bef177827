extension Templates {
    /// The page around every page's `body`: the header with the signed-in account and its sign-out
    /// form (and the Admin link for admins), a notice, and the one stylesheet.
    ///
    /// `body` is the only text not escaped here: it is the output of a page template, which escapes
    /// everything it shows.
    static let layout = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · kata</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        <header class="site">
        <a class="brand" href="/">kata</a>
        {{#visitor}}
        <nav aria-label="Main"><a href="/">Today</a> <a href="/practice">Practice</a>{{#losses}} <a href="/losses">Losses</a>{{/losses}}{{#chain}} <a href="/chain">Chain</a>{{/chain}}{{#reviews}} <a href="/reviews">Reviews</a>{{/reviews}}{{#admin}} <a href="/admin">Admin</a>{{/admin}}</nav>
        <form class="sign-out" method="post" action="/logout">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <span class="who">{{handle}}</span>
        <button type="submit" class="quiet">Sign out</button>
        </form>
        {{/visitor}}
        </header>
        <main>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{{body}}}
        </main>
        </body>
        </html>

        """#

    /// A page one may not open, or a request the server refused.
    static let problem = #"""
        <h1>{{heading}}</h1>
        <p class="error" role="alert">{{message}}</p>
        <p><a href="/">Back to Today</a></p>

        """#
}
