namespace Postmortem.Discord.Models;

/// <summary>
/// Whether the commands Discord has registered already are the ones wanted, so a restart need not overwrite them.
/// Discord answers with defaults filled in (nsfw false, required false, ids, versions), so unset and default values
/// count as equal, and a field the wanted definition leaves unset (such as contexts) is not compared.
/// </summary>
public static class ApplicationCommandComparison
{
    public static bool Matches(IReadOnlyList<ApplicationCommand> wanted, IReadOnlyList<ApplicationCommand> registered)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(registered);
        if (wanted.Count != registered.Count)
        {
            return false;
        }

        foreach (var command in wanted)
        {
            var match = registered.FirstOrDefault(r => r.Type == command.Type && string.Equals(r.Name, command.Name, StringComparison.Ordinal));
            if (match is null || !Same(command, match))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(ApplicationCommand wanted, ApplicationCommand registered) =>
        string.Equals(wanted.Description, registered.Description, StringComparison.Ordinal)
        && wanted.DefaultMemberPermissions == registered.DefaultMemberPermissions
        && (wanted.Nsfw ?? false) == (registered.Nsfw ?? false)
        && (wanted.DmPermission is not { } dm || dm == (registered.DmPermission ?? true))
        && (wanted.Contexts is null || SameSet(wanted.Contexts, registered.Contexts))
        && (wanted.IntegrationTypes is null || SameSet(wanted.IntegrationTypes, registered.IntegrationTypes))
        && SameOptions(wanted.Options, registered.Options);

    // Options keep their order in Discord's client, so order counts.
    private static bool SameOptions(IReadOnlyList<ApplicationCommandOption>? wanted, IReadOnlyList<ApplicationCommandOption>? registered)
    {
        wanted ??= [];
        registered ??= [];
        return wanted.Count == registered.Count && wanted.Zip(registered).All(pair => Same(pair.First, pair.Second));
    }

    private static bool Same(ApplicationCommandOption wanted, ApplicationCommandOption registered) =>
        wanted.Type == registered.Type
        && string.Equals(wanted.Name, registered.Name, StringComparison.Ordinal)
        && string.Equals(wanted.Description, registered.Description, StringComparison.Ordinal)
        && (wanted.Required ?? false) == (registered.Required ?? false)
        && (wanted.Autocomplete ?? false) == (registered.Autocomplete ?? false)
        && Nullable.Equals(wanted.MinValue, registered.MinValue)
        && Nullable.Equals(wanted.MaxValue, registered.MaxValue)
        && wanted.MinLength == registered.MinLength
        && wanted.MaxLength == registered.MaxLength
        && SameSet(wanted.ChannelTypes ?? [], registered.ChannelTypes ?? [])
        && SameChoices(wanted.Choices, registered.Choices)
        && SameOptions(wanted.Options, registered.Options);

    private static bool SameChoices(IReadOnlyList<ApplicationCommandChoice>? wanted, IReadOnlyList<ApplicationCommandChoice>? registered)
    {
        wanted ??= [];
        registered ??= [];
        return wanted.Count == registered.Count && wanted.Zip(registered).All(pair =>
            string.Equals(pair.First.Name, pair.Second.Name, StringComparison.Ordinal)
            && pair.First.Value.ValueKind == pair.Second.Value.ValueKind
            && string.Equals(pair.First.ValueText, pair.Second.ValueText, StringComparison.Ordinal));
    }

    private static bool SameSet<T>(IReadOnlyList<T> wanted, IReadOnlyList<T>? registered) =>
        registered is not null && wanted.ToHashSet().SetEquals(registered);
}
