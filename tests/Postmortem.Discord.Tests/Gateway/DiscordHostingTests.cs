using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Hosting;
using Postmortem.Discord.Rest;

namespace Postmortem.Discord.Tests.Gateway;

/// <summary>The hosting glue: options validation at startup, DI wiring, and stopping on a fatal refusal.</summary>
public sealed class DiscordHostingTests
{
    [Fact]
    public void Validate_MissingToken_SaysHowToProvideIt()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions());

        Assert.True(result.Failed);
        Assert.Contains("Discord__Token", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets set Discord:Token <token>", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokenWithBotPrefix_IsRejectedWithoutEchoingIt()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "Bot abc.SECRET" });

        Assert.True(result.Failed);
        Assert.DoesNotContain("SECRET", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShardIdsOutsideTheCount_AreRejected()
    {
        var options = new DiscordOptions { Token = "abc", ShardCount = 2 };
        options.ShardIds.Add(2);

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Contains("Discord:ShardIds lists shard 2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc.SECRET\n")]
    [InlineData("abc.SECRET ")]
    [InlineData(" abc.SECRET")]
    [InlineData("abc.SECRET\r\n")]
    [InlineData("abc.\rSECRET")]
    [InlineData("abc.\tSECRET")]
    [InlineData("abc.\u0000SECRET")]
    [InlineData("abc.\u00A0SECRET")]
    public void Validate_TokenWithWhitespaceOrControlCharacters_IsRejectedWithoutEchoingIt(string token)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = token });

        Assert.True(result.Failed);
        Assert.Equal(DiscordOptionsValidator.WhitespaceInToken, result.FailureMessage);
        Assert.DoesNotContain("SECRET", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AToken_Succeeds() =>
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "abc" }).Succeeded);

    [Fact]
    public async Task HostStart_WithoutAToken_FailsWithTheHowToLine()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddDiscordClient(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Discord__Token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordClient_BindsTheSectionsAndResolvesTheClients()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc",
            ["Discord:ShardCount"] = "4",
            ["Discord:ShardIds:0"] = "2",
            ["Discord:Gateway:SendBudgetPerMinute"] = "100",
        });
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

        builder.Services.AddDiscordClient(builder.Configuration);
        using var host = builder.Build();
        var provider = host.Services;

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        Assert.Equal(4, options.ShardCount);
        Assert.Equal([2], options.ShardIds);
        Assert.Equal(100, provider.GetRequiredService<IOptions<GatewayOptions>>().Value.SendBudgetPerMinute);
        Assert.IsType<DiscordRestClient>(provider.GetRequiredService<IDiscordRestClient>());
        Assert.Same(provider.GetRequiredService<DiscordGatewayClient>(), provider.GetRequiredService<DiscordGatewayClient>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is DiscordGatewayService);
    }

    [Fact]
    public async Task FatalRefusal_LogsTheOperatorLine_SetsExitCodeOne_AndStopsTheHost()
    {
        var rest = new Mock<IDiscordRestClient>();
        rest.Setup(r => r.GetGatewayBotAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DiscordHttpException(HttpStatusCode.Unauthorized, 0, "401: Unauthorized", [], "GET /gateway/bot"));
        var gateway = Options.Create(new GatewayOptions());
        await using var client = new DiscordGatewayClient(
            rest.Object,
            new GatewayEventDispatcher([], gateway, NullLogger<GatewayEventDispatcher>.Instance),
            Options.Create(new DiscordOptions { Token = "abc" }),
            gateway,
            TimeProvider.System,
            NullLoggerFactory.Instance);
        var stopped = new TaskCompletionSource();
        var lifetime = new Mock<IHostApplicationLifetime>();
        lifetime.Setup(l => l.StopApplication()).Callback(stopped.SetResult);
        lifetime.Setup(l => l.ApplicationStarted).Returns(new CancellationToken(canceled: true)); // the host has started
        var logger = new RecordingLogger<DiscordGatewayService>();
        int? exitCode = null;
        var service = new DiscordGatewayService(client, lifetime.Object, logger, code => exitCode = code);

        await service.StartAsync(CancellationToken.None);
        await stopped.Task.WaitAsync(ScriptedGatewayServer.Timeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(logger.Inner.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Contains("Discord rejected the bot token: check Discord__Token", line, StringComparison.Ordinal);
        await service.StopAsync(CancellationToken.None);
    }
}
