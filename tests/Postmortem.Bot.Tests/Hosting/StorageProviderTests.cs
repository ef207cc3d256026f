using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Bot.Hosting;
using Postmortem.Core.Application;

namespace Postmortem.Bot.Tests.Hosting;

/// <summary><c>Storage:Provider</c> picks the adapter; an unknown one stops the bot with one line and exit code 1.</summary>
public sealed class StorageProviderTests
{
    private static IConfiguration Configuration(string? provider) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageProviders.ConfigurationKey] = provider }).Build();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("litedb")]
    [InlineData(" LiteDB ")]
    public void KnownOrMissingProvider_IsNoProblem_AndRegistersTheAdapter(string? provider)
    {
        var services = new ServiceCollection().AddConfiguredStorage(Configuration(provider));

        Assert.Null(StorageProviders.Problem(Configuration(provider)));
        Assert.Contains(services, s => s.ServiceType == typeof(IPostmortemRepository));
    }

    [Fact]
    public void UnknownProvider_IsOneLineNamingTheKnownOnes_AndCannotBeRegistered()
    {
        var problem = StorageProviders.Problem(Configuration("mongodb"));

        Assert.Equal("Storage:Provider \"mongodb\" is not a storage provider this build knows; use one of: litedb.", problem);
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddConfiguredStorage(Configuration("mongodb")));
        Assert.Equal(problem, error.Message);
    }

    [Fact]
    public async Task TheBot_WithAnUnknownProvider_ExitsWithCodeOne_AndThatOneLine()
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "Postmortem.Bot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { bot, "--Storage:Provider=mongodb" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("pm-provider-").FullName,
        };
        start.Environment["Discord__Token"] = null;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(["Storage:Provider \"mongodb\" is not a storage provider this build knows; use one of: litedb."], (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("", await output);
        Directory.Delete(start.WorkingDirectory, recursive: true);
    }
}
