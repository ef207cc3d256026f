namespace Postmortem.Core.Templates;

/// <summary>A template file could not be used. The message names the file and the problem.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemplateException(string sourceName, string problem, Exception? innerException = null)
        : base($"Template {sourceName}: {problem}", innerException)
    {
        SourceName = sourceName;
        Problem = problem;
    }

    public string? SourceName { get; }

    public string? Problem { get; }
}
