using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Simulation;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// A Delete removes a role of ours in two calls once its tasks are gone: DeleteRolePolicy of the policy the provider put,
/// then DeleteRole. IAM refuses DeleteRole while any policy remains (DeleteConflict, DeleteRole in the IAM API reference),
/// so a policy someone else put or attached is found and removed first.
/// </summary>
public sealed class RoleDeletionTests
{
    [Fact]
    public async Task A_role_goes_with_one_policy_delete_and_one_role_delete_and_no_listing()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var from = h.Aws.Calls.Count;

        await h.DeleteAsync(id);

        var calls = h.Aws.Calls.Records.Skip(from).ToList();
        Assert.Equal(2, calls.Count(call => call.Operation == "DeleteRolePolicy" && call.Succeeded));
        Assert.Equal(2, calls.Count(call => call.Operation == "DeleteRole" && call.Succeeded));
        Assert.Equal(2, calls.Count(call => call.Operation == "GetRole"));
        Assert.DoesNotContain(calls, call => call.Operation is "ListRolePolicies" or "ListAttachedRolePolicies");
        Assert.Empty(h.Ours("role"));
    }

    [Fact]
    public async Task A_role_someone_gave_more_policies_is_emptied_and_deleted()
    {
        // The platform team's own account: it may put and attach policies, which the provider's role may not.
        var h = new Harness(clock => SimulationOptions.AwsLike(clock));
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var role = "myproj-app-api-task-role";
        await h.Apis.Iam.PutRolePolicyAsync(role, "added-by-hand", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""", CancellationToken.None);
        await h.Apis.Iam.AttachRolePolicyAsync(role, "arn:aws:iam::aws:policy/ReadOnlyAccess", CancellationToken.None);

        await h.DeleteAsync(id);

        Assert.Contains(h.Aws.Calls.Records, call => call.Operation == "DeleteRole" && call.Outcome == "DeleteConflict");
        Assert.Contains(h.Aws.Calls.Records, call => call.Operation == "DetachRolePolicy" && call.Succeeded);
        Assert.Empty(h.Ours("role"));
    }
}
