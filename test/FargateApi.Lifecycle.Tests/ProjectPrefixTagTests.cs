using FargateApi.Aws.Http;
using FargateApi.Desired;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Properties;
using FargateApi.Provisioning;
using FargateApi.Simulation;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Iam;
using FargateApi.TestSupport.Templates;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Issue 12, "Roles and data of other teams stay theirs", the boundary half, as the provider lives it: every role it makes
/// carries fargate-api:project-prefix, which template.yaml's TaskRoleBoundary reads, so a role reaches the data its grants
/// name within its own prefix and nothing of another prefix even when its own policy names it; the tag is set once and
/// neither the provider nor its role can change it afterwards.
/// </summary>
public sealed class ProjectPrefixTagTests
{
    private const string TaskRole = "myproj-app-api-task-role";
    private const string ExecutionRole = "myproj-app-api-exec-role";
    private const string Account = "123456789012";

    private static readonly IamPolicy Boundary = TemplatePermissions.TaskRoleBoundary();

    /// <summary>The seed with grants and secrets of every kind the boundary limits, all within the prefix.</summary>
    private static readonly ServiceProperties WithData = Props.Seed with
    {
        Grants = new Grants(
            ["myproj-user-quotas", $"arn:aws:dynamodb:us-east-1:{Account}:table/myproj-orders"],
            ["myproj-user-files"],
            [$"arn:aws:secretsmanager:us-east-1:{Account}:secret:myproj/api-key", $"arn:aws:secretsmanager:us-east-1:{Account}:secret:myproj-db-AbC12x"]),
        Secrets = new Dictionary<string, string>
        {
            ["DB_PASSWORD"] = $"arn:aws:secretsmanager:us-east-1:{Account}:secret:myproj/db-password-Xy12Z9:password::",
            ["TOKEN"] = "/myproj/token",
        },
    };

    [Fact]
    public async Task Roles_the_provider_creates_carry_their_project_prefix_under_the_template_boundary()
    {
        var h = Harness.Enforced();

        await h.CreateAsync(WithData);

        foreach (var name in new[] { TaskRole, ExecutionRole })
        {
            var role = Role(h, name);
            Assert.Equal("myproj", role.Tags[Ownership.ProjectPrefixTag]);
            Assert.Equal(TemplatePermissions.BoundaryArn, role.PermissionsBoundary);
        }

        Assert.DoesNotContain(h.Aws.AccessChecks, check => check.Effect != AccessEffect.Allowed);
    }

    [Fact]
    public async Task Under_the_template_boundary_the_roles_reach_everything_they_were_granted()
    {
        var h = Harness.Enforced();
        await h.CreateAsync(WithData);

        var requests = new[] { TaskRole, ExecutionRole }.SelectMany(name => GrantedRequests(Role(h, name))).ToList();
        var cut = requests.Where(request => !request.Decision.IsAllowed).Select(request => $"{request.Role}: {request.Request} ({request.Decision.Effect}, {request.Decision.DecidedBy})");

        Assert.True(requests.Count >= 20, $"only {requests.Count} granted requests were read off the roles");
        Assert.Contains(requests, request => request.Request.Action == "ssm:GetParameters");
        Assert.Contains(requests, request => request.Request.Resource.Contains(":secret:myproj/api-key-", StringComparison.Ordinal));
        Assert.Empty(cut);
    }

    [Fact]
    public async Task A_grant_of_another_teams_data_the_validation_let_through_is_denied_by_the_boundary()
    {
        // The provider's own check of Grants against GrantableResourcePatterns is off (a function deployed with a wider
        // FARGATE_API_GRANTABLE_RESOURCES than the template's): the role's policy names the other team's data, the boundary denies it.
        var h = new Harness(
            clock => new SimulationOptions { TimeProvider = clock, Permissions = TemplatePermissions.ProviderRole() },
            new ProvisionerOptions("us-east-1") { PermissionsBoundaryArn = TemplatePermissions.BoundaryArn, Grantable = GrantableResources.Parse("*") });
        var props = Props.Seed with { Grants = new Grants(["myproj-user-quotas", "payments-ledger"], ["payments-exports"], []) };

        await h.CreateAsync(props);

        var role = Role(h, TaskRole);
        var policy = IamPolicy.Parse([.. role.InlinePolicies.Values]);
        var ledger = $"arn:aws:dynamodb:us-east-1:{Account}:table/payments-ledger";
        Assert.True(policy.Evaluate(new AccessRequest("dynamodb:GetItem", ledger)).IsAllowed);
        Assert.Equal(AccessEffect.ExplicitlyDenied, Effective(role, "dynamodb:GetItem", ledger).Effect);
        Assert.Equal(AccessEffect.ExplicitlyDenied, Effective(role, "s3:GetObject", "arn:aws:s3:::payments-exports/2024.csv").Effect);
        Assert.True(Effective(role, "dynamodb:GetItem", $"arn:aws:dynamodb:us-east-1:{Account}:table/myproj-user-quotas").IsAllowed);
    }

    [Fact]
    public async Task A_role_made_before_roles_carried_the_prefix_gets_it_when_an_update_retags_it()
    {
        var h = Harness.Enforced();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        Role(h, TaskRole).RemoveTags([Ownership.ProjectPrefixTag]);
        Role(h, ExecutionRole).RemoveTags([Ownership.ProjectPrefixTag]);
        var retagged = Props.Seed with { Tags = new Dictionary<string, string> { ["team"] = "web" } };

        await h.UpdateAsync(id, Props.Seed, retagged);

        Assert.Equal("myproj", Role(h, TaskRole).Tags[Ownership.ProjectPrefixTag]);
        Assert.Equal("myproj", Role(h, ExecutionRole).Tags[Ownership.ProjectPrefixTag]);
        Assert.Equal("web", Role(h, TaskRole).Tags["team"]);
        Assert.DoesNotContain(h.Aws.AccessChecks, check => check.Effect != AccessEffect.Allowed);
    }

    [Fact]
    public async Task A_role_whose_prefix_was_changed_outside_the_provider_is_refused_with_nothing_of_it_changed()
    {
        var h = Harness.Enforced();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        Role(h, TaskRole).MergeTags([KeyValuePair.Create(Ownership.ProjectPrefixTag, "payments")]);
        var retagged = Props.Seed with { Tags = new Dictionary<string, string> { ["team"] = "web" } };

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => h.UpdateAsync(id, Props.Seed, retagged));

        Assert.Contains($"The IAM role '{TaskRole}' carries the project prefix 'payments', not this resource's 'myproj'", error.Message, StringComparison.Ordinal);
        Assert.Equal("payments", Role(h, TaskRole).Tags[Ownership.ProjectPrefixTag]);
        Assert.Equal("api", Role(h, TaskRole).Tags["team"]);
    }

    [Fact]
    public async Task The_providers_role_may_set_a_roles_prefix_once_and_never_change_or_remove_it()
    {
        var policy = TemplatePermissions.ProviderRole(new TemplateDeployment { Parameters = new Dictionary<string, string> { ["ProjectPrefixPattern"] = "myproj" } });
        var h = new Harness(
            clock => new SimulationOptions { TimeProvider = clock, Permissions = policy },
            new ProvisionerOptions("us-east-1") { PermissionsBoundaryArn = TemplatePermissions.BoundaryArn });
        await h.CreateAsync();
        var iam = h.Apis.Iam;
        var prefix = (string value) => new Dictionary<string, string> { [Ownership.ProjectPrefixTag] = value };

        await Denied(() => iam.TagRoleAsync(TaskRole, prefix("payments"), CancellationToken.None));
        await Denied(() => iam.TagRoleAsync(TaskRole, prefix("myproj"), CancellationToken.None));
        await Denied(() => iam.UntagRoleAsync(TaskRole, [Ownership.ProjectPrefixTag], CancellationToken.None));

        // IAM tag keys ignore case: the same key in capitals is no way round.
        await Denied(() => iam.UntagRoleAsync(TaskRole, [Ownership.ProjectPrefixTag.ToUpperInvariant()], CancellationToken.None));
        await Denied(() => iam.TagRoleAsync(TaskRole, new Dictionary<string, string> { ["Fargate-Api:Project-Prefix"] = "payments" }, CancellationToken.None));
        await iam.TagRoleAsync(TaskRole, new Dictionary<string, string> { ["team"] = "web" }, CancellationToken.None);

        // A role of its own made before roles carried the prefix: only one of ProjectPrefixPattern's prefixes.
        Role(h, ExecutionRole).RemoveTags([Ownership.ProjectPrefixTag]);
        await Denied(() => iam.TagRoleAsync(ExecutionRole, prefix("payments"), CancellationToken.None));
        await iam.TagRoleAsync(ExecutionRole, prefix("myproj"), CancellationToken.None);

        Assert.Equal("myproj", Role(h, TaskRole).Tags[Ownership.ProjectPrefixTag]);
        Assert.Equal("myproj", Role(h, ExecutionRole).Tags[Ownership.ProjectPrefixTag]);
    }

    [Fact]
    public async Task The_providers_role_cannot_stamp_itself_onto_a_role_someone_else_gave_a_prefix()
    {
        var h = new Harness();
        h.Aws.Permissions = null; // another owner makes a role under the path, with a prefix of its own and no ownership tag
        await h.Apis.Iam.CreateRoleAsync(new("myproj-other-task-role", "{}", new Dictionary<string, string> { [Ownership.ProjectPrefixTag] = "payments" }, "/fargate-api/"), CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(1)); // IAM reads lag a new role
        h.Aws.Permissions = TemplatePermissions.ProviderRole();

        var stamp = new Dictionary<string, string> { [Ownership.ManagedByTag] = Ownership.ManagedByValue, [Ownership.ProjectPrefixTag] = "myproj" };
        await Denied(() => h.Apis.Iam.TagRoleAsync("myproj-other-task-role", stamp, CancellationToken.None));

        Assert.Equal("payments", Role(h, "myproj-other-task-role").Tags[Ownership.ProjectPrefixTag]);
    }

    /// <summary>Every Allow statement of the role's policy without a condition, as concrete requests (wildcards filled in), with the role's effective answer.</summary>
    private static IEnumerable<(string Role, AccessRequest Request, AccessDecision Decision)> GrantedRequests(SimRole role)
    {
        var policy = IamPolicy.Parse([.. role.InlinePolicies.Values]);
        foreach (var statement in policy.Statements.Where(statement => statement.IsAllow && statement.Conditions.Count == 0))
        {
            foreach (var (action, resource) in statement.Actions.SelectMany(action => statement.Resources.Select(resource => (action, resource))))
            {
                var request = AccessRequest.ByRoleTagged(action.Replace("*", string.Empty, StringComparison.Ordinal), resource.Replace('*', 'x').Replace('?', 'Q'), role.Tags);
                yield return (role.Name, request, EffectivePermissions.Evaluate(policy, Boundary, request));
            }
        }
    }

    private static AccessDecision Effective(SimRole role, string action, string resource) =>
        EffectivePermissions.Evaluate(IamPolicy.Parse([.. role.InlinePolicies.Values]), Boundary, AccessRequest.ByRoleTagged(action, resource, role.Tags));

    private static SimRole Role(Harness h, string name) => h.Aws.Stores.Iam.All.Single(role => role.Name == name);

    private static async Task Denied(Func<Task> call) =>
        Assert.Equal("AccessDenied", (await Assert.ThrowsAsync<AwsServiceException>(call)).ErrorCode);
}
