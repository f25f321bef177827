import ArgumentParser
import Testing

@testable import KataCLI

/// The exact help of the commands people read first, at 80 columns.
@Suite("the help of kata, kata cycle log and kata practice")
struct PinnedHelpTests {
    @Test("kata --help reads as written")
    func root() {
        #expect(
            HelpLayout.help(for: Kata.self, columns: 80) == #"""
                OVERVIEW: Track Toyota Kata coaching cycles: storyboards, daily coaching and
                coaching the coaches.

                A coach logs each day's coaching cycle in under a minute; learners keep their
                storyboard; 2nd coaches see how regularly each manager coaches.

                Start with 'kata init', or try 'kata demo --db /tmp/demo.sqlite' for an example
                organisation. The database is --db, else $KATA_DB, else
                $XDG_DATA_HOME/kata/kata.sqlite.

                The value of an option is the word after it, even when it starts with a dash
                (such as --from -4w, --date -1d or --name '-1+2').

                USAGE: kata <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  init                    Create the database, or change its time zone,
                                          workweek and holidays.
                  person                  Add, list, show and edit people.
                  pair                    Start, list and end coaching relationships.
                  challenge               Set and list challenges: the long-range direction
                                          target conditions work toward.
                  target                  Set, read, amend and close target conditions.
                  condition               Record the actual condition now for a target
                                          condition.
                  obstacle                Keep a target condition's obstacle parking lot.
                  escalate                Take an obstacle to someone who can decide what the
                                          learner cannot.
                  escalation              Decide, resolve and list escalations.
                  cycle                   Log coaching cycles, read their history, correct
                                          mistakes.
                  storyboard              Show a learner's storyboard: challenge, target and
                                          current condition, obstacles, experiments.
                  observe                 Record a 2nd coach's observation of a coaching cycle:
                                          notes, one focus point, its trigger.
                  walk                    Record a leader's Kata walk to learners' storyboards,
                                          set walk plans, list walks.
                  chain                   The chain of coaching: who coached, whose coaching
                                          was touched from above.
                  due                     Learners to go and see today: go-see dates due, or
                                          not coached for more than a workday.
                  practice                Show how regularly each coach coaches: cadence,
                                          streaks and gaps (coach the coaches).
                  losses                  Show the losses left unfixed: escalations waiting on
                                          their deciders, and what it cost.
                  export                  Export kata data.
                  import                  Import interchange JSONL, or a cycles CSV from a
                                          spreadsheet; all or nothing.
                  demo                    Build an example organisation with months of coaching
                                          history, to try kata or benchmark it.
                  backup                  Copy the database to a new file, safely, even while
                                          others are logging.
                  check                   Check the database and the rules of the kata; exit 65
                                          with a list when something is wrong.
                  account                 Add, list, edit and disable the accounts that sign in
                                          to a kata server.
                  audit                   List the audit log: who wrote what, when, and through
                                          which credential.
                  serve                   Serve the database to the organisation: the JSON API,
                                          /healthz, /readyz and /metrics.
                  login                   Sign in to a kata server and keep a token for this
                                          computer.
                  logout                  Revoke this computer's token and remove the
                                          credentials.
                  token                   List and revoke your API tokens on the server.
                  sync                    Send the records kept in the outbox while the server
                                          could not be reached.
                  outbox                  List, show and drop the records waiting to be sent to
                                          the server.

                  See 'kata help <subcommand>' for detailed help.
                """#)
    }

    @Test("kata cycle log --help reads as written")
    func cycleLog() {
        #expect(
            HelpLayout.help(for: CycleLogCommand.self, columns: 80) == #"""
                OVERVIEW: Log a coaching cycle, guided by the five coaching questions.

                On a terminal, values not given are asked for, one coaching question at a time,
                showing the learner's target condition, the obstacle being worked and the last
                step with what was expected. Empty answers are fine where the kata allows them.
                Ctrl-C or Ctrl-D writes nothing.

                Without a terminal (or with --no-prompt) nothing is asked: a missing required
                value is an error that names it.

                A relative go-see date (+1w, tomorrow, -3d) counts from the day of the cycle,
                given or typed: --date 2026-12-03 --go-see +1w is 2026-12-10. A cycle dated
                after today is refused.

                The coach is --coach, else $KATA_COACH, else 'coach = HANDLE' in
                $XDG_CONFIG_HOME/kata/config, else, through a server, the account signed in
                with 'kata login'.

                Examples:
                  kata cycle log --learner bo
                  kata cycle log --learner bo --minutes 15 --actual "58 s, 3 run-outs" \
                    --happened "No run-out on day shift" --as-expected partly \
                    --learned "Night shift refills late" \
                    --next-step "Refill at shift change" --expect "No run-outs on nights" \
                    --go-see tomorrow

                USAGE: kata cycle log <options>

                OPTIONS:
                  --db <path>             The database file (default: $KATA_DB, else
                                          $XDG_DATA_HOME/kata/kata.sqlite).
                  --server <url>          The kata server (default: $KATA_SERVER, else the one
                                          signed in to).
                  --database <url>        A PostgreSQL database (postgres://…) to work on
                                          directly, as its operator; the password from
                                          $PGPASSWORD.
                  --learner <learner>     The learner coached.
                  --coach <coach>         The coach (default: $KATA_COACH or the config file).
                  --date <date>           The day of the cycle (default: today).
                  --minutes <minutes>     Minutes the cycle took.
                  --second-coach <second-coach>
                                          The 2nd coach who watched.
                  --target <target>       The target condition, when the learner has several
                                          active ones.
                  --actual <actual>       Q2: the actual condition now.
                  --happened <happened>   Q2: what actually happened with the last step.
                  --as-expected <as-expected>
                                          Q2: was that what you expected? (values: yes, partly,
                                          no)
                  --learned <learned>     Q2: what was learned from it.
                  --obstacle <obstacle>   Q3: the obstacle addressed now (id from the parking
                                          lot).
                  --new-obstacle <new-obstacle>
                                          Q3: a new obstacle, addressed now.
                  --next-step <next-step> Q4: the next step.
                  --expect <expect>       Q4: what the learner expects from it.
                  --go-see <go-see>       Q5: when we can go and see; +1w counts from the
                                          cycle's day (default on a terminal: the next workday).
                  --no-prompt             Never ask; log what is given.
                  --version               Show the version.
                  -h, --help              Show help information.

                """#)
    }

    @Test("kata practice --help reads as written")
    func practice() {
        #expect(
            HelpLayout.help(for: PracticeCommand.self, columns: 80) == #"""
                OVERVIEW: Show how regularly each coach coaches: cadence, streaks and gaps
                (coach the coaches).

                For each coach over the period: cycles, coached days of the workdays in their
                active span (from their first pairing as coach to the last one's end), cadence
                (coached days / workdays), the longest and current streak of coached workdays,
                the longest gap, days since the last cycle, the share of steps planned with a
                prediction, and 2nd-coach observations. Cycles on weekends and holidays count
                as cycles, not as coached days. Coaches are sorted by handle: the figures
                describe practice, they do not rank people.

                The period defaults to the last four full weeks. --format json prints the
                document of DESIGN section 6 (with --by, the roll-up too); csv has one row per
                coach, or per group with --by.

                Examples:
                  kata practice --period 2026-Q3
                  kata practice --unit Assembly --by second-coach --below 0.6
                  kata practice --coach ann --calendar --period 2026

                USAGE: kata practice <options>

                OPTIONS:
                  --db <path>             The database file (default: $KATA_DB, else
                                          $XDG_DATA_HOME/kata/kata.sqlite).
                  --server <url>          The kata server (default: $KATA_SERVER, else the one
                                          signed in to).
                  --database <url>        A PostgreSQL database (postgres://…) to work on
                                          directly, as its operator; the password from
                                          $PGPASSWORD.
                  --from <from>           First day of the period (YYYY-MM-DD, today, -4w, …).
                  --to <to>               Last day of the period, inclusive.
                  --period <period>       A whole period: 2026, 2026-H2, 2026-Q3, 2026-09 or
                                          2026-W38.
                  --format <format>       Output format: text (default), json or csv. (values:
                                          text, json, csv; default: text)
                  --coach <coach>         Only this coach.
                  --unit <unit>           Only the coaches of this unit.
                  --second-coach <second-coach>
                                          Only the coaches this 2nd coach oversees in pairings
                                          during the period.
                  --by <by>               Roll the coaches up by unit or by second-coach.
                                          (values: unit, second-coach)
                  --below <below>         Flag a cadence below this share of workdays (60, 60%
                                          or 0.6) and count it in the roll-ups. (default: 60%)
                  --calendar              With --coach: draw a calendar heatmap of the coach's
                                          coached days.
                  --version               Show the version.
                  -h, --help              Show help information.

                """#)
    }
}
