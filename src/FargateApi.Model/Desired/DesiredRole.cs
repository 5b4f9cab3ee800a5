namespace FargateApi.Desired;

/// <summary>
/// An IAM role the provider makes (task or execution role) with one inline policy. The policy is kept as statements
/// (for readable diffs) and rendered to JSON by <see cref="PolicyDocuments"/>; a role with no statement gets no policy.
/// </summary>
internal sealed record DesiredRole(
    string Name,
    string Path,
    string Arn,
    string TrustedService,
    string SourceAccount,
    string PolicyName,
    ValueList<PolicyStatement> Statements,
    ValueMap Tags) : IDesiredResource
{
    /// <summary>The service that assumes both roles (ECS task IAM roles: trust <c>ecs-tasks.amazonaws.com</c>).</summary>
    public const string EcsTasksPrincipal = "ecs-tasks.amazonaws.com";

    public string TrustPolicyDocument => PolicyDocuments.Trust(TrustedService, SourceAccount);

    public string? PolicyDocument => Statements.Count == 0 ? null : PolicyDocuments.Render(Statements);

    public IEnumerable<Field> Fields() =>
    [
        new("RoleName", Name),
        new("Path", Path),
        new("TrustedService", TrustedService),
        new("TrustSourceAccount", SourceAccount),
        .. Statements.Select(statement => Field.Of($"Policy.{statement.Sid}", statement)),
        .. Field.Tags(Tags),
    ];
}
