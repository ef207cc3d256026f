using System.Text.Json;
using System.Text.Json.Serialization;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Json;

/// <summary>
/// Source-generated JSON metadata for every Discord model, request and response (snake_case, nulls not written,
/// unknown fields ignored, enums as numbers so unknown values pass through). Use <c>DiscordJsonContext.Default.X</c>
/// or <see cref="DiscordJsonContext.Default"/>'s <c>Options</c>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
// Entities
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(GuildMembersChunk))]
[JsonSerializable(typeof(GatewayRateLimited))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(IReadOnlyList<Role>))]
[JsonSerializable(typeof(Guild))]
[JsonSerializable(typeof(UnavailableGuild))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(IReadOnlyList<Channel>))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(IReadOnlyList<Message>))]
[JsonSerializable(typeof(MessageDeleted))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(Ready))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
// Components (Json/ComponentJsonConverter resolves the concrete records through these)
[JsonSerializable(typeof(Component))]
[JsonSerializable(typeof(ActionRow))]
[JsonSerializable(typeof(Button))]
[JsonSerializable(typeof(StringSelect))]
[JsonSerializable(typeof(UserSelect))]
[JsonSerializable(typeof(RoleSelect))]
[JsonSerializable(typeof(MentionableSelect))]
[JsonSerializable(typeof(ChannelSelect))]
[JsonSerializable(typeof(TextInput))]
[JsonSerializable(typeof(Label))]
[JsonSerializable(typeof(TextDisplay))]
// Requests
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(ModalData))]
[JsonSerializable(typeof(AutocompleteResult))]
[JsonSerializable(typeof(ThreadFromMessageRequest))]
[JsonSerializable(typeof(ThreadCreateRequest))]
[JsonSerializable(typeof(ForumPostRequest))]
[JsonSerializable(typeof(ChannelModifyRequest))]
[JsonSerializable(typeof(GuildScheduledEvent))]
[JsonSerializable(typeof(GuildScheduledEventCreateRequest))]
[JsonSerializable(typeof(GuildScheduledEventModifyRequest))]
[JsonSerializable(typeof(DmCreateRequest))]
// Errors
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(RateLimitBody))]
// Primitives used for choice values
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
