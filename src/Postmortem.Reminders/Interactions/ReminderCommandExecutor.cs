using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;

namespace Postmortem.Reminders.Interactions;

/// <summary>
/// Runs the engine command of a reminder button (Done, Not doing) for <paramref name="actor"/>. A chat front end
/// passes its own, so a change made from a reminder has the same effects as one made by a command there (the
/// Discord one refreshes the postmortem's dashboard).
/// </summary>
public delegate Task<CommandOutcome> ReminderCommandExecutor(
    PostmortemId postmortemId, PostmortemCommand command, UserRef actor, CancellationToken cancellationToken);
