namespace Postmortem.Playground;

/// <summary>
/// What the host needs to build the real bot against the playground: the emulator's API and token, the
/// playground's database file and its clock (the bot's TimeProvider, which Quartz and the reminders use).
/// </summary>
public sealed record PlaygroundBotSettings(Uri ApiBaseUrl, string Token, string DatabasePath, TimeProvider Time)
{
    /// <summary>The bot's configuration keys for these settings.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["Discord:Token"] = Token,
        ["Discord:ApiBaseUrl"] = ApiBaseUrl.ToString(),
        ["Storage:DatabasePath"] = DatabasePath,
    };

    public override string ToString() => $"PlaygroundBotSettings {{ ApiBaseUrl = {ApiBaseUrl}, DatabasePath = {DatabasePath} }}";
}
