extension Templates {
    /// A labelled text area with its message when the form was refused for it: the partial
    /// `{{> text-field}}`, rendered with a `FormField`.
    static let textField = #"""
        <div class="field{{#error}} invalid{{/error}}">
        <label for="{{name}}">{{label}}</label>
        {{#hint}}<p class="hint" id="{{name}}-hint">{{hint}}</p>{{/hint}}
        {{#error}}<p class="error" id="{{name}}-error">{{error}}</p>{{/error}}
        <textarea id="{{name}}" name="{{name}}" rows="3"{{#error}} aria-invalid="true" aria-describedby="{{name}}-error"{{/error}}>{{value}}</textarea>
        </div>

        """#

    /// A labelled one-line input (`type` text, date or number), as `textField`.
    static let inputField = #"""
        <div class="field{{#error}} invalid{{/error}}">
        <label for="{{name}}">{{label}}</label>
        {{#hint}}<p class="hint" id="{{name}}-hint">{{hint}}</p>{{/hint}}
        {{#error}}<p class="error" id="{{name}}-error">{{error}}</p>{{/error}}
        <input id="{{name}}" name="{{name}}" type="{{type}}" value="{{value}}"{{#inputMode}} inputmode="{{inputMode}}"{{/inputMode}}{{#autocomplete}} autocomplete="{{autocomplete}}"{{/autocomplete}}{{#error}} aria-invalid="true" aria-describedby="{{name}}-error"{{/error}}>
        </div>

        """#
}
