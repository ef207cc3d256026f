namespace Postmortem.Benchmarks;

/// <summary>Set from the command line before BenchmarkDotNet builds the configs.</summary>
internal static class BenchmarkMode
{
    public static bool Quick { get; set; }
}
