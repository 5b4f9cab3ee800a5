using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Naming;
using FargateApi.Provisioning;

namespace FargateApi.Lifecycle.Tests;

/// <summary>template.yaml lets the provider create roles only with the platform's boundary attached: every role must carry it.</summary>
public sealed class PermissionsBoundaryTests
{
    private static readonly string Boundary = TemplatePermissions.BoundaryArn;

    [Fact]
    public async Task Roles_the_provider_creates_carry_the_configured_permissions_boundary()
    {
        var h = new Harness(provisionerOptions: new ProvisionerOptions("us-east-1") { PermissionsBoundaryArn = Boundary });

        await h.CreateAsync();

        var names = ResourceNames.For(Props.Seed);
        foreach (var role in new[] { names.TaskRole, names.ExecutionRole })
        {
            var made = await h.Apis.Iam.GetRoleAsync(role, CancellationToken.None);
            Assert.Equal(Boundary, made.PermissionsBoundaryArn);
        }
    }

    [Fact]
    public async Task Without_a_configured_boundary_roles_are_created_without_one()
    {
        // template.yaml's role may not create a role without its boundary: the provider's own behaviour shows with the
        // role's policy not enforced.
        var h = new Harness(clock => Harness.Realistic(clock) with { Permissions = null }, new ProvisionerOptions("us-east-1"));

        await h.CreateAsync();

        var made = await h.Apis.Iam.GetRoleAsync(ResourceNames.For(Props.Seed).TaskRole, CancellationToken.None);
        Assert.Null(made.PermissionsBoundaryArn);
    }
}
