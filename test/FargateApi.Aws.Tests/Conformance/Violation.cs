namespace FargateApi.Aws.Tests.Conformance;

/// <summary>One way a request departs from the model. <paramref name="Path"/> names the member (Operation.member.sub[0]).</summary>
internal sealed record Violation(string Path, string Rule, string Detail)
{
    public override string ToString() => $"{Path}: {Rule}: {Detail}";
}

/// <summary>The rule names a <see cref="Violation"/> carries, so tests can assert which rule caught a mistake.</summary>
internal static class Rule
{
    public const string Method = "http-method";
    public const string Uri = "request-uri";
    public const string Target = "x-amz-target";
    public const string ContentType = "content-type";
    public const string Action = "action";
    public const string Version = "version";
    public const string Body = "body";
    public const string UnknownMember = "unknown-member";
    public const string UnknownHeader = "unknown-header";
    public const string UnknownQuery = "unknown-query-parameter";
    public const string MissingRequired = "missing-required";
    public const string Kind = "kind";
    public const string Enum = "enum";
    public const string MinLength = "min-length";
    public const string MaxLength = "max-length";
    public const string MinValue = "min-value";
    public const string MaxValue = "max-value";
    public const string ListIndex = "list-index";
    public const string Duplicate = "duplicate-key";
    public const string Union = "union";
    public const string Pattern = "pattern";
    public const string FormEncoding = "form-encoding";
}
