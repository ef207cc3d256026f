namespace Postmortem.Core.Commands;

public enum CommandStatus
{
    /// <summary>The command was applied.</summary>
    Succeeded,

    /// <summary>The submitted text was kept as an unmerged edit; the current text is unchanged.</summary>
    Conflict,

    /// <summary>Nothing changed; see <see cref="CommandResult.Error"/>.</summary>
    Rejected,
}

/// <summary>The result of applying a command to a postmortem.</summary>
public sealed record CommandResult
{
    private CommandResult(CommandStatus status) => Status = status;

    public CommandStatus Status { get; }

    /// <summary>The id of what the command created (a why, an answer, a timeline entry...), if anything.</summary>
    public int? CreatedId { get; private init; }

    public UserError? Error { get; private init; }

    public EditConflict? Conflict { get; private init; }

    public bool Succeeded => Status == CommandStatus.Succeeded;

    /// <summary>True when the aggregate changed and must be saved (success or a kept conflicting edit).</summary>
    public bool Changed => Status != CommandStatus.Rejected;

    public static CommandResult Success(int? createdId = null) => new(CommandStatus.Succeeded) { CreatedId = createdId };

    public static CommandResult Rejected(UserError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(CommandStatus.Rejected) { Error = error };
    }

    public static CommandResult Conflicted(EditConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return new(CommandStatus.Conflict) { Conflict = conflict };
    }

    public static implicit operator CommandResult(UserError error) => Rejected(error);

    /// <summary>The sentence to show the user for a rejection or a conflict; null on success.</summary>
    public string? Message => Error?.Message ?? Conflict?.Message;
}
