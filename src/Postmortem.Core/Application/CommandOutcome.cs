using Postmortem.Core.Commands;
using Postmortem.Core.Facilitation;

namespace Postmortem.Core.Application;

/// <summary>
/// What the service did with a command: the result, the postmortem as it now stands (null only when it does
/// not exist) and the next thing the facilitator would ask.
/// </summary>
public sealed record CommandOutcome(CommandResult Result, Postmortem? Postmortem, FacilitatorPrompt? Next)
{
    public bool Succeeded => Result.Succeeded;
}
