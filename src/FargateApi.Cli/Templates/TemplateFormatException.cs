namespace FargateApi.Cli.Templates;

/// <summary>A file that cannot be read as a template or a properties file at all (exit code 2, not a validation problem).</summary>
internal sealed class TemplateFormatException : Exception
{
    public TemplateFormatException()
    {
    }

    public TemplateFormatException(string message)
        : base(message)
    {
    }

    public TemplateFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Well-formed, but a file of another kind (package.json, a workflow): a directory's such files are skipped.</summary>
    public bool OfAnotherKind { get; init; }
}
