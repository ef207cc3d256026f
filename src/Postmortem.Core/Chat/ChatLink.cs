namespace Postmortem.Core.Chat;

/// <summary>A chat message that stands for part of a postmortem (its dashboard, ...), by channel and message id.</summary>
public sealed record ChatLink(string ChannelId, string MessageId);
