using Postmortem.Core.Guilds;
using Postmortem.Core.Pictures;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Pictures;

/// <summary>
/// The dashboard's <b>Pictures</b> button (<c>pictures:{postmortem}</c>): the timeline chart and the Five Whys tree,
/// privately, drawn from the postmortem as it is now.
/// </summary>
public sealed class PicturesButton(PostmortemAccess access, IGuildSettingsStore settingsStore, IPostmortemPictures pictures) : IComponentHandler
{
    public const string Prefix = "pictures";

    public IReadOnlyCollection<string> Prefixes { get; } = [Prefix];

    public static Button Button(PostmortemId postmortemId) =>
        Discord.Models.Button.Secondary(CustomId.For(Prefix, postmortemId), "🖼️ Pictures");

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.LoadAsync(context, customId, requireThread: false, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var zone = (await settingsStore.GetAsync(postmortem.GuildId, cancellationToken)).TimeZone;
        var title = DiscordMarkdown.Escape(postmortem.Title, singleLine: true);
        await PictureUploads.ReplyAsync(context, ephemeral: true, () => Draw(postmortem, zone), images => new MessagePayload
        {
            Content = images.Count == 0
                ? $"Nothing to draw for #{postmortem.Id} **{title}** yet: add timeline entries (`/postmortem timeline add`) or whys (`/postmortem why ask`)."
                : $"🖼️ Pictures of #{postmortem.Id} **{title}** as they are now: the timeline (times in {zone.Id}) and the Five Whys tree.",
        }, cancellationToken);
    }

    private List<PostmortemImage> Draw(Core.Postmortem postmortem, TimeZoneInfo zone)
    {
        var drawn = new List<PostmortemImage>();
        if (pictures.Timeline(postmortem, zone) is { } timeline)
        {
            drawn.Add(timeline);
        }

        if (postmortem.Whys.Count > 0)
        {
            drawn.AddRange(pictures.Whys(postmortem, PictureUploads.MaxPerMessage - drawn.Count));
        }

        return drawn;
    }
}
