using System.Text;
using BenchmarkDotNet.Attributes;
using Postmortem.Core.Blameless;

namespace Postmortem.Benchmarks.Blameless;

/// <summary>
/// The blameless check on a 4,000-character answer (the target: at most 1 ms), as the bot runs it after every
/// saved answer: with the names of a thread of 50 members already known (<see cref="Check"/>), and with those
/// names gathered first, as each nudge does (<see cref="GatherNamesAndCheck"/>). One check per iteration, so the
/// percentile columns are per-answer latencies.
/// </summary>
/// <remarks>dotnet run -c Release --project bench/Postmortem.Benchmarks -- --filter '*Blameless*'</remarks>
[Config(typeof(AnswerBenchmarkConfig))]
public class BlamelessAnswerBenchmarks
{
    // A draft as people write one: process talk, names in any case, mentions, blame, a code span, technical senses.
    private static readonly string[] _sentences =
    [
        "The deploy pipeline failed to roll back because the previous image had been garbage collected.",
        "sam forgot to rotate the signing key before it expired, and the alert should have fired at 5% but was set to 50%.",
        "Thanks to the release team for turning the hotfix around in an hour; Priya ran the incident call.",
        "The on-call guy restarted the wrong node, which is how the replica lost its place in the stream.",
        "We saw page faults on the database hosts once the heap outgrew RAM, and git blame pointed to a 2019 refactor.",
        "Lee's typo in the nginx config took down the API gateway for twelve minutes.",
        "Whoever merged this clearly never ran it, but the review tool also hid the generated files.",
        "<@284756102938475610> dropped the ball on the vendor escalation; <@&123456789012> was paged at 02:14.",
        "Human error is a symptom, not a cause, so we kept asking why the checklist let it through.",
        "Run `kubectl rollout undo deploy/api` only after the canary is drained.",
        "The load balancer dropped health check traffic during the reload, and monitoring missed the spike entirely.",
        "nadia skipped the dry run on staging because the environment was broken that week.",
    ];

    private static readonly string[] _members = [.. Enumerable.Range(0, 50).Select(i => i switch
    {
        0 => "Sam Okafor",
        1 => "nadia",
        2 => "Lee",
        3 => "Priya",
        _ => $"member{i} Person{i}",
    })];

    private string _answer = null!;
    private KnownNames _names = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 4000; i++)
        {
            text.Append(_sentences[i % _sentences.Length]).Append(i % 4 == 3 ? "\n\n" : " ");
        }

        _answer = text.ToString()[..4000];
        _names = new KnownNames(_members);
        if (BlamelessCheck.Check(_answer, _names).Count == 0)
        {
            throw new InvalidOperationException("The benchmark answer should contain blame to find.");
        }
    }

    [Benchmark(Baseline = true)]
    public int Check() => BlamelessCheck.Check(_answer, _names).Count;

    [Benchmark]
    public int GatherNamesAndCheck() => BlamelessCheck.Check(_answer, new KnownNames(_members)).Count;
}
