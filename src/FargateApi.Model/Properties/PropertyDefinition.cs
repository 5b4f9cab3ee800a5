namespace FargateApi.Properties;

/// <summary>The JSON shape of a property as users write it (CloudFormation may stringify numbers and booleans).</summary>
internal enum PropertyType
{
    String,
    Integer,
    Boolean,
    StringList,
    StringMap,
    Object,
}

/// <summary>What changing a property does to the provisioned stack.</summary>
internal enum UpdateBehavior
{
    InPlace,

    /// <summary>AWS cannot change it on the existing resources: a new generation of the stack is created, then the old one deleted.</summary>
    Replacement,
}

/// <summary>
/// One property of <c>Custom::FargateApi</c>: the single definition that the reader, the JSON Schema and the reference
/// docs all use. Constraints on strings apply to each item of a list and each value of a map.
/// </summary>
internal sealed record PropertyDefinition
{
    public required string Name { get; init; }

    public required PropertyType Type { get; init; }

    /// <summary>One line, for docs and the schema.</summary>
    public required string Description { get; init; }

    public UpdateBehavior Update { get; init; }

    /// <summary>For <see cref="UpdateBehavior.Replacement"/>: what AWS fixes at creation, in words (the plan's reason says it).</summary>
    public string? ReplacementReason { get; init; }

    public bool Required { get; init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    /// <summary>The only integers allowed (e.g. CloudWatch retention days).</summary>
    public IReadOnlyList<long>? AllowedIntegers { get; init; }

    /// <summary>The only strings allowed (e.g. Destroy, Retain).</summary>
    public IReadOnlyList<string>? AllowedStrings { get; init; }

    /// <summary>An anchored regular expression in the common subset of ECMA-262 and .NET; the schema carries it through <see cref="PropertyPatterns.Portable"/>.</summary>
    public string? Pattern { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Maps: the pattern and limit for keys.</summary>
    public string? KeyPattern { get; init; }

    public int? MaxKeyLength { get; init; }

    public int? MinItems { get; init; }

    /// <summary>Lists: items; maps: entries.</summary>
    public int? MaxItems { get; init; }

    /// <summary>What is allowed, in words, for messages and docs (when min/max/enums do not say it all).</summary>
    public string? AllowedText { get; init; }

    /// <summary>Maps: what keys must be, in words, for the message on a wrong key (else <see cref="AllowedText"/>).</summary>
    public string? KeyAllowedText { get; init; }

    /// <summary>Maps: what values must be, in words, for the message on a wrong value (else <see cref="AllowedText"/>).</summary>
    public string? ValueAllowedText { get; init; }

    /// <summary>What a matching value is, for "is not …" (e.g. "a Secrets Manager secret ARN"); else "is not valid".</summary>
    public string? ShapeName { get; init; }

    /// <summary>
    /// Values that may be secrets (Secrets, where users paste a password instead of its ARN, and EnvironmentVariables,
    /// which users abuse for secrets): messages never quote them, because the Reason goes to stack events and logs.
    /// </summary>
    public bool Sensitive { get; init; }

    public long? DefaultInteger { get; init; }

    public bool? DefaultBoolean { get; init; }

    public string? DefaultString { get; init; }

    public IReadOnlyList<string>? DefaultList { get; init; }

    /// <summary>The default in words when it depends on other properties (then the schema carries no default).</summary>
    public string? DefaultText { get; init; }

    /// <summary>Objects: their members, in the order the docs list them.</summary>
    public IReadOnlyList<PropertyDefinition> Members { get; init; } = [];

    public PropertyDefinition? Member(string name) => Members.FirstOrDefault(m => m.Name == name);
}
