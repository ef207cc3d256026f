using Postmortem.Core.Facilitation;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>
/// Draws prompt messages for the prompt kinds a feature owns (Five Whys, timeline, metrics, lessons, …).
/// <see cref="PromptView"/> asks every registered renderer first and falls back to its own views.
/// </summary>
public interface IPromptRenderer
{
    /// <summary>The message for <paramref name="prompt"/>, or null when this renderer does not draw it.</summary>
    MessagePayload? TryRender(Core.Postmortem postmortem, PostmortemTemplate template, FacilitatorPrompt prompt);
}
