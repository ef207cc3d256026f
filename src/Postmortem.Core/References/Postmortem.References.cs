using System.Globalization;
using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.Core.References;

namespace Postmortem.Core;

public sealed partial class Postmortem
{
    /// <summary>Issues, pull requests and announcements the document cites, in the order they were added.</summary>
    public IReadOnlyList<Reference> References => _references.Items;

    public Reference? FindReference(int id) => _references.Find(id);

    private CommandResult ApplyAddReference(AddReference command, UserRef actor, DateTimeOffset now)
    {
        if (_references.Count >= Limits.MaxReferences)
        {
            return UserError.Invalid($"A postmortem lists at most {Limits.MaxReferences} references; remove one first.");
        }

        if (ValidateReference(command.Url, command.Title, exceptId: null, out var url, out var title) is { } error)
        {
            return error;
        }

        var reference = new Reference { Id = _counters.NextReferenceId, Title = title, Url = url, Author = actor, At = now };
        _counters = _counters with { NextReferenceId = reference.Id + 1 };
        _references.Add(reference);
        return CommandResult.Success(reference.Id);
    }

    private CommandResult ApplyEditReference(EditReference command)
    {
        if (_references.Find(command.ReferenceId) is not { } reference)
        {
            return ReferenceNotFound(command.ReferenceId);
        }

        if (ValidateReference(command.Url, command.Title, reference.Id, out var url, out var title) is { } error)
        {
            return error;
        }

        _references.Replace(reference with { Url = url, Title = title });
        return CommandResult.Success(reference.Id);
    }

    private CommandResult ApplyRemoveReference(RemoveReference command) =>
        _references.Remove(command.ReferenceId) ? CommandResult.Success() : ReferenceNotFound(command.ReferenceId);

    private UserError? ValidateReference(string? url, string? title, int? exceptId, out string normalizedUrl, out string normalizedTitle)
    {
        normalizedTitle = "";
        if (InputRules.HttpUrl(url, "The reference's link", out normalizedUrl) is { } urlError)
        {
            return urlError;
        }

        if (InputRules.SingleLine(title, "The reference's title", Limits.MaxReferenceTitleLength, out normalizedTitle) is { } titleError)
        {
            return titleError;
        }

        var link = normalizedUrl;
        return _references.Items.FirstOrDefault(r => r.Id != exceptId && string.Equals(r.Url, link, StringComparison.Ordinal)) is { } duplicate
            ? UserError.Invalid($"That link is already reference #{duplicate.Id.ToString(CultureInfo.InvariantCulture)} (\"{duplicate.Title}\").")
            : null;
    }

    private static UserError ReferenceNotFound(int id) =>
        UserError.NotFound($"Reference #{id.ToString(CultureInfo.InvariantCulture)} does not exist.");
}
