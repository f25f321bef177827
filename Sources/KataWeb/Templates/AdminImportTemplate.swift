extension Templates {
    /// `GET /admin/import`: the upload form for the dry run, a refusal, and for a file that passed
    /// its summary and the form that imports it.
    static let adminImport = #"""
        <h1>Import a file</h1>
        <p class="lead"><a href="/admin">Administration</a></p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#checked}}
        <section aria-labelledby="checked-heading" class="card">
        <h2 id="checked-heading">The file passed the check</h2>
        <p>Format: {{format}}. Records to add: {{totalAdded}}; in the database already, unchanged: {{totalUnchanged}}.{{#hasRepeated}} Rows repeated in the file, counted once: {{repeatedRows}}.{{/hasRepeated}}</p>
        {{#hasRows}}
        <div class="table-scroll" role="region" aria-labelledby="summary-caption" tabindex="0">
        <table class="figures">
        <caption id="summary-caption">What the import would do, per kind of record</caption>
        <thead><tr><th scope="col">Kind</th><th scope="col">Added</th><th scope="col">Unchanged</th></tr></thead>
        <tbody>
        {{#rows}}<tr><th scope="row">{{kind}}</th><td>{{added}}</td><td>{{unchanged}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}
        <form method="post" action="/admin/import/confirm" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="upload" value="{{upload}}">
        <p class="hint">The checked file is kept for an hour; after that, upload it again.</p>
        <button type="submit">Import these records</button>
        </form>
        </section>
        {{/checked}}
        <form method="post" action="/admin/import" enctype="multipart/form-data" class="stack">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="field">
        <label for="file">File (interchange JSONL or cycles CSV)</label>
        <p class="hint" id="file-hint">Nothing is written until the check passes and you confirm the import; then every record goes in, or none.</p>
        <input id="file" name="file" type="file" accept=".jsonl,.csv" required aria-describedby="file-hint">
        </div>
        <button type="submit">Check the file (dry run)</button>
        </form>

        """#
}
