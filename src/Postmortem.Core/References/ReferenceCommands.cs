using Postmortem.Core.Commands;

namespace Postmortem.Core.References;

/// <summary>Adds a reference: an http(s) <paramref name="Url"/> and a one-line <paramref name="Title"/>.</summary>
public sealed record AddReference(string Url, string Title) : PostmortemCommand;

/// <summary>Replaces the link and the title of reference <paramref name="ReferenceId"/>.</summary>
public sealed record EditReference(int ReferenceId, string Url, string Title) : PostmortemCommand;

public sealed record RemoveReference(int ReferenceId) : PostmortemCommand;
