import Foundation
import KataTestSupport

/// An organisation in interchange JSONL, every kind and every optional field present somewhere,
/// written by hand as a user would, for the command-line tests.
enum ImportExportFixture {
    static let target = "7a000000-0000-4000-8000-000000000004"
    static let cycle = "7a000000-0000-4000-8000-000000000009"

    static let lines = [
        #"{"kind":"person","handle":"carl","name":"Carl \"the coach\" Díaz","unit":"Assembly","email":"carl@example.com"}"#,
        #"{"kind":"person","handle":"dora","name":"Dora 🎉 \u200fעברית","unit":"Lean office","active":true}"#,
        #"{"kind":"person","handle":"ann","name":"Ann \\ Lee","unit":"Assembly","reportsTo":"carl"}"#,
        #"{"kind":"person","handle":"eve","name":"Eve","reportsTo":"carl","active":false}"#,
        #"{"kind":"challenge","id":"7a000000-0000-4000-8000-000000000001","title":"Zero defects","description":"Plant-wide\nby 2028","owner":"dora","by":"2028-01-31"}"#,
        #"{"kind":"challenge","id":"7a000000-0000-4000-8000-000000000002","title":"Flow in final assembly","parent":"7a000000-0000-4000-8000-000000000001"}"#,
        #"{"kind":"pairing","id":"7a000000-0000-4000-8000-000000000003","coach":"carl","learner":"ann","secondCoach":"dora","since":"2026-09-01"}"#,
        #"{"kind":"pairing","id":"7a000000-0000-4000-8000-00000000000b","coach":"carl","learner":"eve","since":"2026-09-01","until":"2026-10-31"}"#,
        #"{"kind":"target","id":"\#(target)","learner":"ann","focusProcess":"Final assembly","condition":"52 s takt","achieveBy":"2026-12-18","challenge":"7a000000-0000-4000-8000-000000000002","outcomeMetrics":[{"name":"cycle time","target":"≤ 52","unit":"s"}],"processMetrics":[{"name":"stops per shift","target":"0"}],"status":"active","createdOn":"2026-11-02","amendments":[{"date":"2026-11-09","text":"also nights"}]}"#,
        #"{"kind":"target","id":"7a000000-0000-4000-8000-00000000000c","learner":"eve","focusProcess":"Kitting","condition":"Kits complete at 7:00","achieveBy":"2026-10-15","status":"achieved","createdOn":"2026-09-15","closedOn":"2026-10-14","reflection":"Kanban works"}"#,
        #"{"kind":"condition","id":"7a000000-0000-4000-8000-000000000005","target":"\#(target)","date":"2026-11-03","text":"58 s, 3 stops","metrics":[{"name":"cycle time","value":58.5,"unit":"s"},{"name":"stops","value":3}]}"#,
        #"{"kind":"obstacle","id":"7a000000-0000-4000-8000-000000000006","target":"\#(target)","text":"Screws run out","status":"working","createdOn":"2026-11-03"}"#,
        #"{"kind":"obstacle","id":"7a000000-0000-4000-8000-00000000000d","target":"\#(target)","text":"Tooling","status":"overcome","createdOn":"2026-11-02","closedOn":"2026-11-03"}"#,
        #"{"kind":"experiment","id":"7a000000-0000-4000-8000-000000000007","target":"\#(target)","obstacle":"7a000000-0000-4000-8000-000000000006","step":"Kanban card","expected":"No stop \"at all\"","plannedOn":"2026-11-03","goSee":"2026-11-04","happened":"One stop","learned":"Hang it earlier","closedOn":"2026-11-04"}"#,
        #"{"kind":"experiment","id":"7a000000-0000-4000-8000-000000000008","target":"\#(target)","obstacle":"7a000000-0000-4000-8000-000000000006","step":"Hang it at 6:45","plannedOn":"2026-11-04"}"#,
        #"{"kind":"cycle","id":"7a000000-0000-4000-8000-00000000000e","date":"2026-11-03","coach":"carl","learner":"ann","minutes":18,"target":"\#(target)","actualCondition":"58 s","obstacle":"7a000000-0000-4000-8000-000000000006","planned":"7a000000-0000-4000-8000-000000000007"}"#,
        #"{"kind":"cycle","id":"\#(cycle)","date":"2026-11-04","coach":"carl","learner":"ann","secondCoach":"dora","minutes":22,"target":"\#(target)","actualCondition":"55 s\ttab","obstacle":"7a000000-0000-4000-8000-000000000006","reviewed":"7a000000-0000-4000-8000-000000000007","planned":"7a000000-0000-4000-8000-000000000008"}"#,
        #"{"kind":"observation","id":"7a000000-0000-4000-8000-00000000000a","date":"2026-11-04","secondCoach":"dora","coach":"carl","cycle":"\#(cycle)","notes":"Asked for the prediction","focus":"Let the learner answer","trigger":"When you want to answer"}"#,
        #"{"kind":"escalation","id":"7a000000-0000-4000-8000-00000000000f","obstacle":"7a000000-0000-4000-8000-000000000006","to":"carl","causeUnit":"Logistics","affectedUnit":"Assembly","lossPerWeek":1800,"lossUnit":"EUR","basis":"2 stops a shift × 15 min","fix":"Kanban loop for screws","fixCost":"none","toldOn":"2026-11-04","toldHow":"at the storyboard","events":[{"date":"2026-11-05","action":"deferred","reviewBy":"2026-11-12"},{"date":"2026-11-06","action":"accepted"}]}"#,
    ]

    /// The fixture in a file in the runner's folder.
    static func file(_ kata: KataRunner, _ lines: [String] = lines, name: String = "organisation.jsonl") throws
        -> String
    {
        let url = kata.folder.appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }
}
