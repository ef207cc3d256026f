# syntax=docker/dockerfile:1
# Multi-stage build: restore -> build -> test -> publish -> small non-root runtime with the database on a volume.
#   docker build -t postmortem-bot .        (publish builds FROM the test stage, so an image exists only if the tests pass)
#   docker run -e Discord__Token=... -v postmortem-data:/data postmortem-bot

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Node.js is needed by the test suite's Discord schema check (npm package discord-api-spec) and Mermaid check (mermaid).
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
# Restore first, from the project files only, so the layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Postmortem.Bot.sln ./
COPY src/Postmortem.Core/Postmortem.Core.csproj src/Postmortem.Core/
COPY src/Postmortem.Storage.LiteDb/Postmortem.Storage.LiteDb.csproj src/Postmortem.Storage.LiteDb/
COPY src/Postmortem.Discord/Postmortem.Discord.csproj src/Postmortem.Discord/
COPY src/Postmortem.DiscordBot/Postmortem.DiscordBot.csproj src/Postmortem.DiscordBot/
COPY src/Postmortem.Reminders/Postmortem.Reminders.csproj src/Postmortem.Reminders/
COPY src/Postmortem.Terminal/Postmortem.Terminal.csproj src/Postmortem.Terminal/
COPY src/Postmortem.Charts/Postmortem.Charts.csproj src/Postmortem.Charts/
COPY src/Postmortem.Bot/Postmortem.Bot.csproj src/Postmortem.Bot/
RUN dotnet restore src/Postmortem.Bot/Postmortem.Bot.csproj
COPY . .
RUN dotnet build src/Postmortem.Bot/Postmortem.Bot.csproj -c Release --no-restore

FROM build AS test
# The same command README.md gives for the tests.
RUN dotnet test Postmortem.Bot.sln -c Release

FROM test AS publish
RUN dotnet publish src/Postmortem.Bot/Postmortem.Bot.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION} AS runtime
WORKDIR /app
# Pictures (charts, the Five Whys tree) need no fonts or fontconfig from the image: the font is embedded in
# Postmortem.Charts.dll and Skia is the NoDependencies build, which links only libc, libm, libdl and libpthread.
COPY --from=publish /app ./
# The LiteDB data file and its log (postmortems-log.litedb) live on a volume so they survive container replacement.
# Backups while it runs: docker exec <container> dotnet Postmortem.Bot.dll backup /data/backup.litedb (docs/storage.md).
ENV Storage__DatabasePath=/data/postmortems.litedb \
    DOTNET_ENVIRONMENT=Production
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
# The image's built-in unprivileged user.
USER app
ENTRYPOINT ["dotnet", "Postmortem.Bot.dll"]
