namespace Postmortem.Playground.Tests;

/// <summary>
/// A test that needs Debian's Chromium. Without it the test is skipped with the reason, unless the CI variable is
/// set: CI must run it (.ci/run installs chromium), so there a missing browser fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"{ChromiumPath} is missing: install it with `apt-get install chromium` (CI installs it and fails without it).";
        }
    }
}
