namespace FargateApi.Naming;

/// <summary>How a name breaks its <see cref="AwsNameRule"/>.</summary>
internal enum NameViolationKind
{
    TooLong,
    Character,
    Prefix,
    EdgeHyphen,
}

/// <summary>One way a name breaks its rule: <c>security group name 'sg-api-ecs-sg'</c> + <c>starts with 'sg-', which EC2 refuses</c>.</summary>
internal sealed record NameViolation(NameViolationKind Kind, string What, string Name, string Reason)
{
    public string Message => $"{What} '{Name}' {Reason}";
}
