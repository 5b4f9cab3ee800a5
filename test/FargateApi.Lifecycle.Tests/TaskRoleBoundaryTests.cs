using FargateApi.Simulation.Authorization;
using FargateApi.TestSupport.Templates;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Issue 12, "Roles and data of other teams stay theirs", the boundary half: template.yaml's TaskRoleBoundary, rendered
/// for a deployment and evaluated by the simulation's IAM evaluator for a role session, gives a role only the data
/// GrantableResourcePatterns allows the ProjectPrefix its tag fargate-api:project-prefix names, whatever the role's own
/// policy grants; a role made before roles carried the tag keeps what the boundary allowed until it is tagged.
/// </summary>
public sealed class TaskRoleBoundaryTests
{
    private const string Account = "123456789012";

    private static readonly IamPolicy DefaultBoundary = TemplatePermissions.TaskRoleBoundary();

    /// <summary>One request per data statement of the boundary and ARN shape the provider grants (RolePolicies).</summary>
    public static TheoryData<string, string, string> OwnAndOthers() => new()
    {
        { "dynamodb:GetItem", Table("acme-orders"), Table("globex-orders") },
        { "dynamodb:Query", Table("acme-orders") + "/index/by-date", Table("globex-orders") + "/index/by-date" },
        { "dynamodb:PutItem", Table("acme-orders"), Table("acmex-orders") },
        { "s3:GetObject", "arn:aws:s3:::acme-files/reports/2024.csv", "arn:aws:s3:::globex-files/reports/2024.csv" },
        { "s3:ListBucket", "arn:aws:s3:::acme-files", "arn:aws:s3:::globex-files" },
        { "secretsmanager:GetSecretValue", Secret("acme/db-password-AbC12x"), Secret("globex/db-password-AbC12x") },
        { "secretsmanager:DescribeSecret", Secret("acme-api-key-Zz9Yy8"), Secret("globex-api-key-Zz9Yy8") },
        { "ssm:GetParameters", Parameter("acme/token"), Parameter("globex/token") },
        { "ssm:GetParameters", Parameter("acme-token"), Parameter("acmetoken") },
    };

    [Theory]
    [MemberData(nameof(OwnAndOthers))]
    public void A_role_tagged_with_a_prefix_reaches_its_prefixs_data_and_is_denied_another_prefixs(string action, string own, string others)
    {
        Assert.Equal(AccessEffect.Allowed, DefaultBoundary.Evaluate(ByRole("acme", action, own)).Effect);

        var denied = DefaultBoundary.Evaluate(ByRole("acme", action, others));
        Assert.Equal(AccessEffect.ExplicitlyDenied, denied.Effect);
        Assert.Contains("OnlyGrantable", denied.DecidedBy?.Sid, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OwnAndOthers))]
    public void A_role_made_before_roles_carried_the_prefix_keeps_what_the_boundary_allowed_until_it_is_tagged(string action, string own, string others)
    {
        // Deploying the template must not cut running services off their data: the per-prefix Denies need the tag.
        var untagged = new Dictionary<string, string> { ["fargate-api:managed-by"] = "fargate-api" };

        Assert.Equal(AccessEffect.Allowed, DefaultBoundary.Evaluate(AccessRequest.ByRoleTagged(action, own, untagged)).Effect);
        Assert.Equal(AccessEffect.Allowed, DefaultBoundary.Evaluate(AccessRequest.ByRoleTagged(action, others, untagged)).Effect);
        Assert.Equal(AccessEffect.ExplicitlyDenied, DefaultBoundary.Evaluate(ByRole("acme", action, others)).Effect);
    }

    [Fact]
    public void Image_pulls_logs_and_ecs_exec_stay_as_they_were_for_every_role()
    {
        var untagged = new Dictionary<string, string>();
        (string Action, string Resource)[] unchanged =
        [
            ("ecr:BatchGetImage", $"arn:aws:ecr:us-east-1:{Account}:repository/globex/api"),
            ("ecr:GetAuthorizationToken", "*"),
            ("logs:PutLogEvents", $"arn:aws:logs:us-east-1:{Account}:log-group:/ecs/globex/api:log-stream:api/x"),
            ("ssmmessages:OpenDataChannel", "*"),
        ];

        Assert.All(unchanged, request => Assert.True(DefaultBoundary.Evaluate(AccessRequest.ByRoleTagged(request.Action, request.Resource, untagged)).IsAllowed, request.Action));
    }

    [Fact]
    public void Patterns_the_platform_team_adds_are_allowed_to_every_prefix_and_the_rest_stays_per_prefix()
    {
        var boundary = TemplatePermissions.TaskRoleBoundary(new TemplateDeployment
        {
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["GrantableResourcePatterns"] = "{ProjectPrefix}-*,shared-config/*" },
        });

        foreach (var prefix in new[] { "acme", "globex" })
        {
            Assert.True(boundary.Evaluate(ByRole(prefix, "ssm:GetParameters", Parameter("shared-config/currencies"))).IsAllowed);
            Assert.True(boundary.Evaluate(ByRole(prefix, "secretsmanager:GetSecretValue", Secret("shared-config/smtp-AbC12x"))).IsAllowed);
            Assert.True(boundary.Evaluate(ByRole(prefix, "s3:GetObject", "arn:aws:s3:::shared-config/rates.json")).IsAllowed);
            Assert.True(boundary.Evaluate(ByRole(prefix, "dynamodb:GetItem", Table($"{prefix}-orders"))).IsAllowed);
        }

        Assert.False(boundary.Evaluate(ByRole("acme", "dynamodb:GetItem", Table("globex-orders"))).IsAllowed);
        Assert.False(boundary.Evaluate(ByRole("acme", "ssm:GetParameters", Parameter("acme/token"))).IsAllowed);
        Assert.False(boundary.Evaluate(ByRole("acme", "ssm:GetParameters", Parameter("shared-configuration/x"))).IsAllowed);
    }

    [Fact]
    public void A_secret_named_without_its_random_suffix_is_reached_through_the_arn_the_provider_grants()
    {
        var boundary = TemplatePermissions.TaskRoleBoundary(new TemplateDeployment
        {
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["GrantableResourcePatterns"] = "{ProjectPrefix}-*,shared-smtp" },
        });

        // Grants.SecretArns: arn:…:secret:shared-smtp is granted as secret:shared-smtp-?????? (RolePolicies.SecretArnForPolicies).
        Assert.True(boundary.Evaluate(ByRole("acme", "secretsmanager:GetSecretValue", Secret("shared-smtp-AbC12x"))).IsAllowed);
        Assert.False(boundary.Evaluate(ByRole("acme", "secretsmanager:GetSecretValue", Secret("shared-smtp-extra-AbC12x"))).IsAllowed);
    }

    /// <summary>
    /// IAM and AWS STS quotas: a managed policy holds at most 6,144 characters, "IAM does not count white space". Each pattern
    /// adds entries to every per-name Deny; docs/security.md and the parameter promise room for six.
    /// </summary>
    [Theory]
    [InlineData("{ProjectPrefix}-*,{ProjectPrefix}/*")]
    [InlineData("{ProjectPrefix}-*,{ProjectPrefix}/*,{ProjectPrefix}.*,{ProjectPrefix}_*,shared-config/*,platform-assets-*")]
    public void The_boundary_fits_a_managed_policy_with_up_to_six_patterns(string patterns)
    {
        var document = TemplatePermissions.TaskRoleBoundaryDocument(new TemplateDeployment
        {
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["GrantableResourcePatterns"] = patterns },
        });

        var characters = document.Count(character => !char.IsWhiteSpace(character));

        Assert.True(characters <= 6_144, $"TaskRoleBoundary is {characters} characters with {patterns.Split(',').Length} patterns; IAM allows 6,144");
    }

    private static AccessRequest ByRole(string prefix, string action, string resource) =>
        AccessRequest.ByRoleTagged(action, resource, new Dictionary<string, string> { ["fargate-api:project-prefix"] = prefix });

    private static string Table(string name) => $"arn:aws:dynamodb:us-east-1:{Account}:table/{name}";

    private static string Secret(string nameWithSuffix) => $"arn:aws:secretsmanager:us-east-1:{Account}:secret:{nameWithSuffix}";

    private static string Parameter(string nameWithoutSlash) => $"arn:aws:ssm:us-east-1:{Account}:parameter/{nameWithoutSlash}";
}
