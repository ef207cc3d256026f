using Microsoft.Extensions.Hosting;
using Postmortem.Bot.Hosting;
using Postmortem.Bot.PlaygroundMode;

// dotnet run --project src/Postmortem.Bot                 -> the Discord bot
// dotnet run --project src/Postmortem.Bot -- console      -> the terminal front end
// dotnet run --project src/Postmortem.Bot -- playground   -> the bot on a fake Discord, in the browser
// dotnet run --project src/Postmortem.Bot -- backup FILE | dump [FILE] | restore FILE   -> operator commands (docs/storage.md)
var commandLine = BotCommandLine.Parse(args);
if (commandLine.Error is { } usageError)
{
    await Console.Error.WriteLineAsync(usageError);
    return 2;
}

if (commandLine.ShowUsage)
{
    await Console.Out.WriteLineAsync(BotCommandLine.Usage);
    return 0;
}

if (commandLine.Mode == BotMode.Playground)
{
    return await PlaygroundVerb.RunAsync(commandLine.HostArgs, Console.Out, Console.Error);
}

var builder = Host.CreateApplicationBuilder([.. commandLine.HostArgs]);
builder.Configuration.AddBotSources(builder.Environment, commandLine.HostArgs);
if (StorageProviders.Problem(builder.Configuration) is { } storageProblem)
{
    await Console.Error.WriteLineAsync(storageProblem);
    return 1;
}

if (commandLine.IsStorageCommand)
{
    return await StorageCommand.RunAsync(commandLine, builder.Configuration, builder.Environment.ContentRootPath, Console.Out, Console.Error);
}

builder.AddPostmortemBot(commandLine.Mode);

using var host = builder.Build();
return await host.RunBotAsync(Console.Error);
