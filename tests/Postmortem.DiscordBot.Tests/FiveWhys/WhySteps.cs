using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.FiveWhys;

/// <summary>Acting in the Five Whys thread the way people do: pressing buttons, filling in the forms.</summary>
internal static class WhySteps
{
    /// <summary>The whys thread of a thread postmortem started in #incidents, once it exists.</summary>
    public static Task<EmulatedChannel> WhysThreadAsync(BotUnderTest bot) =>
        bot.Emulator.WaitForAsync(
            () => bot.Incidents.Threads.FirstOrDefault(t => t.Name.StartsWith("Five Whys: ", StringComparison.Ordinal)),
            description: "the Five Whys thread");

    /// <summary>The message of a why ("Why 1.2") or answer ("1.2a") once it is posted.</summary>
    public static Task<EmulatedMessage> NodeAsync(BotUnderTest bot, EmulatedChannel whys, string number) =>
        bot.Emulator.WaitForAsync(
            () => whys.PublicMessages.FirstOrDefault(m => m.Content.Contains($"**{number}**", StringComparison.Ordinal)),
            description: $"the message of {number}");

    /// <summary>Presses a form-opening button (by custom id prefix) and submits the form with <paramref name="text"/>.</summary>
    public static async Task<InteractionHandle> PressAndSubmitAsync(BotUnderTest bot, EmulatedUser user, EmulatedMessage message, string prefix, string text)
    {
        var click = await bot.Emulator.ClickButtonAsync(user, message, BotUnderTest.CustomIdStartingWith(message, prefix + ":"));
        var modal = await click.ResponseAsync();
        Assert.True(modal.IsModal, $"{prefix} opened no form: {modal.Content}");
        var submit = await bot.Emulator.SubmitModalAsync(user, click, new Dictionary<string, string> { ["text"] = text });
        await submit.ResponseAsync();
        return submit;
    }

    /// <summary>Answer on a why's message; returns the new answer's message.</summary>
    public static async Task<EmulatedMessage> AnswerAsync(BotUnderTest bot, EmulatedUser user, EmulatedChannel whys, EmulatedMessage why, string label, string text)
    {
        await PressAndSubmitAsync(bot, user, why, "why-answer", text);
        return await NodeAsync(bot, whys, label);
    }

    /// <summary>Ask why about this on an answer's message; returns the new why's message.</summary>
    public static async Task<EmulatedMessage> FollowUpAsync(BotUnderTest bot, EmulatedUser user, EmulatedChannel whys, EmulatedMessage answer, string path, string question)
    {
        await PressAndSubmitAsync(bot, user, answer, "why-followup", question);
        return await NodeAsync(bot, whys, "Why " + path);
    }

    /// <summary>Every page of a paged private listing, following its Next button.</summary>
    public static async Task<IReadOnlyList<string>> AllPagesAsync(BotUnderTest bot, EmulatedUser user, InteractionHandle listing)
    {
        var first = await listing.ResponseAsync();
        Assert.True(first.IsEphemeral);
        var pages = new List<string> { first.Content! };
        var message = listing.Original!;
        while (message.CustomIds.Count == 2 && message.FindComponent(message.CustomIds[1])?["disabled"]?.GetValue<bool>() != true)
        {
            var next = await bot.Emulator.ClickButtonAsync(user, message, message.CustomIds[1]);
            Assert.Equal(InteractionResponse.UpdateMessage, (await next.ResponseAsync()).Type);
            pages.Add(message.Content);
        }

        return pages;
    }
}
