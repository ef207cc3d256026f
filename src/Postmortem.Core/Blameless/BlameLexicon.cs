namespace Postmortem.Core.Blameless;

/// <summary>
/// The words the blameless analyser knows, as plain tables: who can be an agent, which verbs describe a failure,
/// which phrases blame. <see cref="BlameRules"/> decides what to do with them; nothing here is logic.
/// </summary>
internal static class BlameLexicon
{
    /// <summary>Nouns for people by the role they play: a person as agent even without a name.</summary>
    public static readonly FrozenWords RoleNouns = new(
        "intern", "interns", "contractor", "contractors", "consultant", "consultants", "dba", "dbas", "sre", "sres",
        "sysadmin", "sysadmins", "admin", "admins", "administrator", "engineer", "engineers", "developer", "developers",
        "dev", "devs", "programmer", "on-call", "oncall", "on-caller", "operator", "operators", "reviewer", "reviewers",
        "approver", "approvers", "author", "authors", "lead", "leads", "manager", "managers", "hire", "hires", "guy",
        "guys", "person", "people", "junior", "juniors", "senior", "tech", "techs", "team", "teams", "ops", "devops",
        "qa", "tester", "testers", "rep", "staff", "employee", "employees", "colleague", "colleagues", "coworker",
        "co-worker", "teammate", "teammates", "owner", "architect", "analyst", "specialist", "technician", "responder",
        "responders", "commander", "maintainer", "maintainers", "committer", "committers", "newbie", "folks", "member");

    /// <summary>People without a name or role: as culprits, they still point at a person.</summary>
    public static readonly FrozenWords Indefinites = new(
        "someone", "somebody", "whoever", "everyone", "everybody", "anyone", "anybody");

    /// <summary>"Nobody" blames only with attitude ("nobody cared", "nobody bothered"): "nobody was paged" is a gap.</summary>
    public static readonly FrozenWords NegativeIndefinites = new("nobody", "no-one");

    /// <summary>Pronouns that stand for one person ("we" is the team talking about its process, so it is not here).</summary>
    public static readonly FrozenWords PersonPronouns = new("he", "she", "i", "you");

    /// <summary>Capitalised words that start sentences, never a person in agent position.</summary>
    public static readonly FrozenWords NotNames = new(
        "the", "this", "that", "these", "those", "it", "its", "we", "they", "our", "their", "no", "nothing", "a",
        "an", "if", "when", "then", "so", "but", "and", "or", "because", "since", "as", "after", "before", "once",
        "while", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "tests",
        "test", "testing", "monitoring", "alerting", "review", "release", "deploy", "deployment", "docs", "beta",
        "nightly", "stable", "staging", "production", "prod", "everything", "somehow", "honestly", "apparently",
        "frankly", "classic", "also", "still", "again", "here", "there", "root", "cause", "owner", "thanks", "kudos",
        "one", "some", "each", "every", "all", "both", "most", "even", "only", "just", "what", "which", "who", "why",
        "how", "where", "nobody", "none", "neither", "later", "first", "finally", "meanwhile", "eventually",
        "unfortunately", "luckily", "users", "customers", "backups", "deploys", "builds", "jobs", "alerts",
        "services", "systems", "nodes", "pods", "servers", "requests", "retries", "queues", "workers", "actions",
        "pipelines", "dashboards", "logs", "metrics", "checks", "reviews", "releases", "rollbacks", "nothing",
        "everyone", "nobody", "somebody", "someone", "approval", "rollback", "failover", "replication", "traffic",
        "latency", "capacity", "recovery", "mitigation", "detection", "diagnosis", "resolution", "summary", "impact",
        "timeline", "leadup", "lessons", "why", "because", "until", "although", "though", "whoever");

    /// <summary>Tools and systems, often capitalised: never a person, and a capitalised word after one is part of its name ("GitHub Actions").</summary>
    public static readonly FrozenWords Products = new(
        "ci", "cd", "cargo", "rustup", "rustc", "bors", "crater", "terraform", "kubernetes", "k8s", "helm", "docker",
        "nginx", "redis", "postgres", "postgresql", "mysql", "kafka", "github", "gitlab", "jenkins", "aws", "azure",
        "gcp", "cloudflare", "linux", "windows", "dns", "grafana", "prometheus", "pagerduty", "opsgenie", "datadog",
        "sentry", "slack", "discord", "jira", "ansible", "puppet", "chef", "consul", "vault", "envoy", "istio",
        "elasticsearch", "mongodb", "rabbitmq", "celery", "sidekiq", "cron", "systemd", "git", "npm", "yarn",
        "maven", "gradle", "nuget", "argo", "argocd", "flux", "spinnaker");

    /// <summary>Words that sit between an agent and its verb without changing who did it.</summary>
    public static readonly FrozenWords BetweenAgentAndVerb = new(
        "really", "just", "also", "again", "still", "clearly", "simply", "totally", "accidentally", "apparently",
        "then", "completely", "obviously", "even", "probably", "actually", "basically", "literally", "somehow",
        "mistakenly", "inadvertently", "unfortunately", "already", "immediately", "quickly", "definitely",
        "must", "might", "may", "have", "had", "has", "would", "certainly", "evidently", "allegedly", "supposedly",
        "once", "always", "repeatedly", "badly", "completely", "entirely", "initially", "originally", "later");

    /// <summary>Words that open a new clause: the agent of a verb is never on the other side of one.</summary>
    public static readonly FrozenWords ClauseOpeners = new(
        "because", "since", "when", "after", "and", "but", "so", "which", "while", "until", "though", "although",
        "once", "if", "whereas", "unless", "before", "then", "or");

    /// <summary>Determiners and quantifiers: a known name right after one is a word, not a person ("the grace period").</summary>
    public static readonly FrozenWords Determiners = new(
        "the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "my", "your", "his", "her", "some",
        "any", "each", "every", "no", "one");

    /// <summary>Prepositions after a person that start a phrase about them ("someone on the platform team").</summary>
    public static readonly FrozenWords PersonPrepositions = new("on", "from", "in", "at", "of", "with");

    /// <summary>Words that make the next verb passive or a state: nobody is said to have done it.</summary>
    public static readonly FrozenWords PassiveAuxiliaries = new(
        "was", "were", "is", "are", "been", "be", "being", "got", "gets", "get", "getting", "it", "to", "that");

    /// <summary>"and", "but", "then": the agent of the second verb is the subject of the first clause.</summary>
    public static readonly FrozenWords Coordinators = new("and", "but", "then", "or");

    /// <summary>Relative words that let a subject reach past its own clause ("the developer who wrote it never tested it").</summary>
    public static readonly FrozenWords RelativeWords = new("who", "whom", "that", "whoever");

    /// <summary>Words that end the object of a verb ("the wrong build | to production").</summary>
    public static readonly FrozenWords ObjectEnders = new(
        "in", "on", "at", "for", "from", "to", "with", "without", "while", "during", "after", "before", "by", "instead",
        "against", "into", "over", "as", "because", "since", "when", "and", "but", "so", "which", "until", "again",
        "anyway", "then", "though", "although", "once", "if", "yet", "too", "either", "entirely", "about", "straight",
        "directly", "badly", "completely", "totally", "again", "anymore", "properly", "correctly", "twice", "all");

    /// <summary>Possessed nouns that make "X's ..." a fault rather than a belonging ("Lee's typo", not "Lee's team").</summary>
    public static readonly FrozenWords FaultNouns = new(
        "fault", "faults", "mistake", "mistakes", "typo", "typos", "error", "errors", "oversight", "oversights",
        "screw-up", "screwup", "blunder", "blunders", "failure", "negligence", "carelessness", "misconfiguration",
        "misstep", "slip", "slip-up", "doing", "bad", "sloppy", "careless", "wrong", "botched", "botch", "goof",
        "fault's", "incompetence", "laziness", "ignorance", "fumble", "mess", "misjudgment", "misjudgement");

    /// <summary>Fault nouns that judge a person: the rewording is about conditions, not "a negligence".</summary>
    public static readonly FrozenWords JudgingFaultNouns = new("negligence", "carelessness", "incompetence", "laziness", "ignorance");

    /// <summary>Pronoun possessives that make "his fault", "her mistake" blame.</summary>
    public static readonly FrozenWords PronounPossessives = new("his", "her", "their", "my", "your");

    /// <summary>Judging words: they blame whoever the sentence is about, with or without a named agent.</summary>
    public static readonly FrozenWords Judgements = new(
        "careless", "carelessly", "carelessness", "sloppy", "sloppily", "sloppiness", "incompetent", "incompetence",
        "negligent", "negligence", "negligently", "reckless", "recklessly", "recklessness", "stupid", "stupidity",
        "idiot", "idiots", "idiotic", "clueless", "lazy", "laziness", "dumb", "moron", "moronic", "inept", "ineptitude");

    /// <summary>"lazy" is mostly technical: lazy loading, lazy statics, lazy evaluation.</summary>
    public static readonly FrozenWords LazyTechnicalNext = new(
        "loading", "load", "loaded", "init", "initialization", "initialisation", "initialized", "static", "statics",
        "evaluation", "eval", "iterator", "iterators", "val", "seq", "sequence", "list", "stream", "once", "cell",
        "lock", "compilation", "import", "imports", "property", "properties", "binding", "bindings", "instantiation");

    /// <summary>Adjectives that make a mistake someone's carelessness rather than a fact ("a rookie mistake").</summary>
    public static readonly FrozenWords MistakeJudgements = new(
        "rookie", "silly", "stupid", "dumb", "careless", "sloppy", "amateur", "amateurish", "beginner", "beginner's",
        "newbie", "basic", "obvious", "classic", "embarrassing", "avoidable");

    /// <summary>Nouns a judging adjective turns into blame ("rookie mistake").</summary>
    public static readonly FrozenWords MistakeNouns = new("mistake", "mistakes", "error", "errors", "move", "blunder", "slip");

    /// <summary>What the person left undone ("forgot the flag", "skipped the dry run"): a failure whatever the object.</summary>
    public static readonly VerbTable Omissions = new(
        [
            new("forget", "forgot", "forgotten", "forgets", "forgetting"),
            new("neglect", "neglected", "neglected", "neglects", "neglecting"),
            new("skip", "skipped", "skipped", "skips", "skipping"),
            new("ignore", "ignored", "ignored", "ignores", "ignoring"),
            new("overlook", "overlooked", "overlooked", "overlooks", "overlooking"),
            new("miss", "missed", "missed", "misses", "missing"),
            new("disregard", "disregarded", "disregarded", "disregards", "disregarding"),
            new("bypass", "bypassed", "bypassed", "bypasses", "bypassing"),
        ]);

    /// <summary>Doing it badly: a failure whatever the object.</summary>
    public static readonly VerbTable Botches = new(
        [
            new("botch", "botched", "botched", "botches", "botching"),
            new("bungle", "bungled", "bungled", "bungles", "bungling"),
            new("fumble", "fumbled", "fumbled", "fumbles", "fumbling"),
            new("misconfigure", "misconfigured", "misconfigured", "misconfigures", "misconfiguring"),
            new("mistype", "mistyped", "mistyped", "mistypes", "mistyping"),
            new("misread", "misread", "misread", "misreads", "misreading"),
            new("misjudge", "misjudged", "misjudged", "misjudges", "misjudging"),
            new("mishandle", "mishandled", "mishandled", "mishandles", "mishandling"),
            new("misunderstand", "misunderstood", "misunderstood", "misunderstands", "misunderstanding"),
            new("break", "broke", "broken", "breaks", "breaking"),
            new("fat-finger", "fat-fingered", "fat-fingered", "fat-fingers", "fat-fingering"),
            new("screw", "screwed", "screwed", "screws", "screwing"),
            new("mess", "messed", "messed", "messes", "messing"),
            new("mix", "mixed", "mixed", "mixes", "mixing"),
            new("blow", "blew", "blown", "blows", "blowing"),
            new("sleep", "slept", "slept", "sleeps", "sleeping"),
        ]);

    /// <summary>"mess", "screw", "mix", "blow" and "sleep" blame only with their particle ("messed up", "slept through").</summary>
    public static readonly IReadOnlyDictionary<string, FrozenWords> BotchParticles = new Dictionary<string, FrozenWords>(StringComparer.Ordinal)
    {
        ["screw"] = new("up"),
        ["mess"] = new("up"),
        ["mix"] = new("up"),
        ["blow"] = new("it"),
        ["sleep"] = new("through"),
    };

    /// <summary>Ordinary actions that blame only when the sentence says it went wrong (<see cref="MishapMarkers"/>).</summary>
    public static readonly VerbTable Mishaps = new(
        [
            new("delete", "deleted", "deleted", "deletes", "deleting"),
            new("drop", "dropped", "dropped", "drops", "dropping"),
            new("remove", "removed", "removed", "removes", "removing"),
            new("wipe", "wiped", "wiped", "wipes", "wiping"),
            new("truncate", "truncated", "truncated", "truncates", "truncating"),
            new("revoke", "revoked", "revoked", "revokes", "revoking"),
            new("overwrite", "overwrote", "overwritten", "overwrites", "overwriting"),
            new("unplug", "unplugged", "unplugged", "unplugs", "unplugging"),
            new("kill", "killed", "killed", "kills", "killing"),
            new("disable", "disabled", "disabled", "disables", "disabling"),
            new("restart", "restarted", "restarted", "restarts", "restarting"),
            new("reboot", "rebooted", "rebooted", "reboots", "rebooting"),
            new("run", "ran", "run", "runs", "running"),
            new("push", "pushed", "pushed", "pushes", "pushing"),
            new("deploy", "deployed", "deployed", "deploys", "deploying"),
            new("merge", "merged", "merged", "merges", "merging"),
            new("ship", "shipped", "shipped", "ships", "shipping"),
            new("roll", "rolled", "rolled", "rolls", "rolling"),
            new("apply", "applied", "applied", "applies", "applying"),
            new("change", "changed", "changed", "changes", "changing"),
            new("edit", "edited", "edited", "edits", "editing"),
            new("promote", "promoted", "promoted", "promotes", "promoting"),
            new("sign", "signed", "signed", "signs", "signing"),
            new("hard-code", "hard-coded", "hard-coded", "hard-codes", "hard-coding"),
            new("leave", "left", "left", "leaves", "leaving"),
            new("turn", "turned", "turned", "turns", "turning"),
            new("shut", "shut", "shut", "shuts", "shutting"),
            new("set", "set", "set", "sets", "setting"),
            new("approve", "approved", "approved", "approves", "approving"),
            new("commit", "committed", "committed", "commits", "committing"),
            new("upload", "uploaded", "uploaded", "uploads", "uploading"),
            new("silence", "silenced", "silenced", "silences", "silencing"),
            new("mute", "muted", "muted", "mutes", "muting"),
        ]);

    /// <summary>What turns an ordinary action into a mishap, anywhere after the agent in its sentence.</summary>
    public static readonly string[][] MishapMarkers =
    [
        ["wrong"], ["by", "mistake"], ["by", "accident"], ["accidentally"], ["mistakenly"], ["inadvertently"],
        ["instead", "of"], ["without"], ["untested"], ["straight", "to"], ["directly", "to"], ["anyway"],
        ["secrets"], ["secret"], ["password"], ["walked", "away"], ["went", "home"], ["unreviewed"],
    ];

    /// <summary>For destructive actions the target alone is the mishap ("deleted the production bucket").</summary>
    public static readonly FrozenWords DestructiveTargets = new("production", "prod", "live", "everyone's", "all", "primary");

    /// <summary>Mishap verbs for which <see cref="DestructiveTargets"/> count.</summary>
    public static readonly FrozenWords DestructiveVerbs = new(
        "delete", "drop", "remove", "wipe", "truncate", "revoke", "overwrite", "unplug", "kill", "disable", "shut");

    /// <summary>Things it is harmless to skip or miss ("skipped lunch").</summary>
    public static readonly FrozenWords HarmlessObjects = new(
        "lunch", "breakfast", "dinner", "meal", "meals", "sleep", "vacation", "holiday", "holidays", "weekend", "coffee");

    /// <summary>Attitude verbs: blame with "nobody" or a negation ("nobody cared", "didn't bother").</summary>
    public static readonly FrozenWords Attitudes = new("cared", "care", "bothered", "bother", "listened", "listen", "took", "take");

    /// <summary>Blaming idioms, matched word by word (alternatives with '|').</summary>
    public static readonly BlamePhrase[] Idioms =
    [
        new("drop|dropped|drops|dropping the ball", AgentNeed.NotSystem, IdiomKind.DroppedTheBall),
        new("rubber-stamp|rubber-stamped|rubber-stamps|rubber-stamping|rubberstamped|rubberstamp", AgentNeed.NotSystem, IdiomKind.RubberStamped),
        new("rubber stamp|stamped|stamps|stamping", AgentNeed.NotSystem, IdiomKind.RubberStamped),
        new("wasn't|weren't|isn't|aren't|not paying attention", AgentNeed.NotSystem, IdiomKind.NotPayingAttention),
        new("asleep at the wheel", AgentNeed.NotSystem, IdiomKind.NotPayingAttention),
        new("couldn't|can't|cannot|could|wouldn't be bothered", AgentNeed.NotSystem, IdiomKind.CouldNotBeBothered),
        new("could|would not be bothered", AgentNeed.NotSystem, IdiomKind.CouldNotBeBothered),
        new("didn't|never do|did his|her|their homework", AgentNeed.Any, IdiomKind.Homework),
        new("screw-up|screw-ups|screwup|screwups|cock-up|fuck-up|fuckup", AgentNeed.Any, IdiomKind.ScrewUp),
        new("made|make|makes|making a|an mistake|error|blunder", AgentNeed.Person, IdiomKind.MadeAMistake),
    ];

    /// <summary>After "it's on" / "is on": words that are places or states, not people ("on call", "on the team").</summary>
    public static readonly FrozenWords OnNotPerson = new(
        "call", "leave", "vacation", "holiday", "site", "shift", "duty", "team", "teams", "board", "track", "time",
        "hold", "fire", "staging", "production", "prod", "the");

    /// <summary>Words that make "fault" or "error" technical when they follow it ("error budget", "fault tolerance").</summary>
    public static readonly FrozenWords TechnicalAfterFault = new(
        "tolerance", "tolerant", "budget", "budgets", "rate", "rates", "message", "messages", "handling", "handler",
        "code", "codes", "domain", "domains", "injection", "log", "logs", "page", "pages", "count", "counts",
        "detection", "isolation", "state", "path", "paths", "reporting", "tracking");

    /// <summary>Hindsight verbs about seeing or knowing: the rewording asks what would have made it visible.</summary>
    public static readonly FrozenWords Perception = new(
        "caught", "noticed", "spotted", "seen", "known", "realised", "realized", "found", "detected", "heard", "understood",
        "recognised", "recognized", "foreseen", "anticipated", "predicted", "expected");

    /// <summary>Negated verbs that describe what someone could not know or get, not what they failed to do.</summary>
    public static readonly FrozenWords NegationNotBlame = new(
        "know", "knew", "have", "had", "need", "needed", "get", "got", "receive", "received", "hear", "heard", "mean",
        "meant", "expect", "expected", "exist", "existed", "matter", "mattered", "be", "been", "want", "wanted", "seem",
        "happen", "happened", "apply", "applied", "work", "worked", "cause", "caused", "help");

    /// <summary>Particles some mishap verbs need ("rolled back the wrong service", "turned off the limiter").</summary>
    public static readonly IReadOnlyDictionary<string, FrozenWords> MishapParticles = new Dictionary<string, FrozenWords>(StringComparer.Ordinal)
    {
        ["roll"] = new("back", "out"),
        ["turn"] = new("off"),
        ["shut"] = new("down", "off"),
        ["sign"] = new("off"),
    };

    /// <summary>"failed to ...": blame with a person as agent, a system failing with a system.</summary>
    public static readonly FrozenWords FailForms = new("failed", "fails", "failing");

    /// <summary>Verbs that tell people rather than fix things: "failed to notify" is a communication gap.</summary>
    public static readonly FrozenWords Communication = new(
        "notify", "inform", "tell", "communicate", "escalate", "warn", "alert", "page", "announce", "contact");

    /// <summary>Words before "human error" that make it the cause ("root cause: human error", "caused by human error").</summary>
    public static readonly FrozenWords CauseWords = new(
        "cause", "caused", "due", "because", "down", "was", "is", "were", "chalk", "chalked", "blame", "blamed",
        "attributed", "put", "pure", "simple", "plain", "just");

    /// <summary>Words that negate blame said outright ("no one is to blame", "we don't blame").</summary>
    public static readonly FrozenWords Negations = new("not", "no", "never", "nobody", "without", "no-one", "none");

    /// <summary>"git blame", "the blame view": the tool, not the act.</summary>
    public static readonly FrozenWords BlameToolBefore = new("git", "svn", "hg", "gitlab", "github", "run", "running", "ran", "use", "using");

    public static readonly FrozenWords BlameToolAfter = new(
        "view", "output", "annotation", "annotations", "log", "showed", "shows", "show", "pointed", "points", "says", "said",
        "history", "layer", "command", "tool", "-w", "blame");

    /// <summary>Judging adjectives dropped from a rewording ("Marta's sloppy merge" -> "a merge").</summary>
    public static readonly FrozenWords DroppedInRewording = new("bad", "sloppy", "careless", "stupid", "botched", "silly", "dumb");

    /// <summary>Irregular past participles for the rewording ("never ran the migration" -> "the migration to be run").</summary>
    public static readonly IReadOnlyDictionary<string, string> IrregularParticiples = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ran"] = "run",
        ["run"] = "run",
        ["broke"] = "broken",
        ["break"] = "broken",
        ["forgot"] = "forgotten",
        ["forget"] = "forgotten",
        ["read"] = "read",
        ["wrote"] = "written",
        ["write"] = "written",
        ["took"] = "taken",
        ["take"] = "taken",
        ["did"] = "done",
        ["do"] = "done",
        ["saw"] = "seen",
        ["see"] = "seen",
        ["went"] = "gone",
        ["left"] = "left",
        ["leave"] = "left",
        ["made"] = "made",
        ["make"] = "made",
        ["told"] = "told",
        ["tell"] = "told",
        ["sent"] = "sent",
        ["send"] = "sent",
        ["put"] = "put",
        ["set"] = "set",
        ["shut"] = "shut",
        ["got"] = "got",
        ["get"] = "got",
        ["gave"] = "given",
        ["give"] = "given",
        ["knew"] = "known",
        ["know"] = "known",
        ["caught"] = "caught",
        ["catch"] = "caught",
        ["thought"] = "thought",
        ["think"] = "thought",
        ["found"] = "found",
        ["find"] = "found",
        ["built"] = "built",
        ["build"] = "built",
        ["kept"] = "kept",
        ["keep"] = "kept",
        ["began"] = "begun",
        ["begin"] = "begun",
        ["wore"] = "worn",
        ["rang"] = "rung",
        ["understood"] = "understood",
        ["understand"] = "understood",
        ["misread"] = "misread",
        ["overwrote"] = "overwritten",
        ["rolled"] = "rolled",
        ["blew"] = "blown",
        ["slept"] = "slept",
        ["chose"] = "chosen",
        ["choose"] = "chosen",
    };
}
