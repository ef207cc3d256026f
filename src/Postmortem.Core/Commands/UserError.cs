namespace Postmortem.Core.Commands;

/// <summary>A mistake the user can fix; the postmortem was not changed.</summary>
/// <param name="Code">A stable machine-readable code, e.g. <c>not-found</c>, <c>read-only</c>.</param>
/// <param name="Message">A clear sentence to show to the user.</param>
public sealed record UserError(string Code, string Message)
{
    public static UserError NotFound(string message) => new(ErrorCodes.NotFound, message);

    public static UserError Invalid(string message) => new(ErrorCodes.Invalid, message);

    public static UserError ReadOnly() =>
        new(ErrorCodes.ReadOnly, "This postmortem is final and read-only. The facilitator can reopen it.");

    public static UserError FacilitatorOnly(string action) =>
        new(ErrorCodes.FacilitatorOnly, $"Only the facilitator can {action}.");
}

public static class ErrorCodes
{
    public const string NotFound = "not-found";
    public const string Invalid = "invalid";
    public const string ReadOnly = "read-only";
    public const string FacilitatorOnly = "facilitator-only";
    public const string WrongState = "wrong-state";
    public const string WrongGuild = "wrong-guild";

    /// <summary>The same chat message was already pulled into that part of the postmortem.</summary>
    public const string Duplicate = "duplicate";
}
