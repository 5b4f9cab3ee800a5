using FargateApi.Aws.Http;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Simulation.Faults;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Whatever call fails, the Delete CloudFormation sends next leaves nothing of ours: after a failed Create, the Delete of
/// the failed-create id; after a failed Update, the Delete of both the old and the new id.
/// </summary>
public sealed class LeakTests
{
    /// <summary>The Lambda edge's failed-create id (FargateApi.Lambda FailedCreateId) for this resource.</summary>
    private const string FailedCreateId = "fargate-api-create-failed:AppApi:0123456789ab";

    private const string NewId = "arn:aws:ecs:us-east-1:123456789012:service/" + Harness.OtherCluster + "/myproj-app-api-service-g1";

    [Fact]
    public async Task Delete_after_a_create_that_failed_at_any_call_leaves_nothing()
    {
        var calls = await IdempotencyTests.CallsOfOneCreateAsync();
        foreach (var timing in new[] { FaultTiming.BeforeEffect, FaultTiming.AfterEffect })
        {
            for (var k = 1; k <= calls; k++)
            {
                var h = new Harness();
                h.Aws.Faults.FailCall(k, Fault(), timing);
                string? id = null;
                try
                {
                    // An after-effect fault on a call that fails anyway ("not found") is swallowed by the simulation.
                    id = (await h.CreateAsync()).PhysicalResourceId;
                }
                catch (AwsServiceException)
                {
                }

                await h.DeleteAsync(id ?? FailedCreateId);

                AssertNothingLeft(h, $"create failed {timing} at call {k}");
            }
        }
    }

    [Fact]
    public async Task Delete_of_both_ids_after_a_replacement_that_failed_at_any_call_leaves_nothing()
    {
        var calls = await CallsOfOneReplacementAsync();
        Assert.True(calls > 20, $"a replacement makes {calls} calls");
        for (var k = 1; k <= calls; k++)
        {
            var h = new Harness();
            var moved = h.InAnotherCluster(Props.Seed);
            var oldId = (await h.CreateAsync()).PhysicalResourceId;
            h.Aws.Faults.FailCall(h.Aws.Calls.Count + k, Fault(), FaultTiming.AfterEffect);
            await Record.ExceptionAsync(() => h.UpdateAsync(oldId, Props.Seed, moved));

            await h.DeleteAsync(oldId, Props.Seed);
            await h.DeleteAsync(NewId, moved);

            AssertNothingLeft(h, $"update failed at call {k}");
        }
    }

    [Fact]
    public async Task Delete_of_the_old_id_after_an_in_place_update_that_failed_at_any_call_leaves_nothing()
    {
        var changed = Props.Seed.WithImageTag("v2") with { TargetHealthCheck = Props.Seed.TargetHealthCheck with { Path = "/ready" }, Tags = new Dictionary<string, string>() };
        var probe = new Harness();
        var id = (await probe.CreateAsync()).PhysicalResourceId;
        var before = probe.Aws.Calls.Count;
        await probe.UpdateAsync(id, Props.Seed, changed);
        var calls = probe.Aws.Calls.Count - before;
        for (var k = 1; k <= calls; k++)
        {
            var h = new Harness();
            await h.CreateAsync();
            h.Aws.Faults.FailCall(h.Aws.Calls.Count + k, Fault(), FaultTiming.BeforeEffect);
            var failure = await Record.ExceptionAsync(() => h.UpdateAsync(id, Props.Seed, changed));
            Assert.True(failure is AwsServiceException or Provisioning.ProvisioningException, $"in-place update failed at call {k}: {failure}");

            await h.DeleteAsync(id, changed);

            AssertNothingLeft(h, $"in-place update failed at call {k}");
        }
    }

    private static async Task<int> CallsOfOneReplacementAsync()
    {
        var h = new Harness();
        var moved = h.InAnotherCluster(Props.Seed);
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var before = h.Aws.Calls.Count;
        await h.UpdateAsync(id, Props.Seed, moved);
        return h.Aws.Calls.Count - before;
    }

    private static AwsServiceException Fault() => new("simulated", "any", "InternalFailure", "injected failure", 500, null);

    private static void AssertNothingLeft(Harness h, string context)
    {
        Assert.True(h.Ours().Count == 0, $"{context}: left {string.Join(", ", h.Ours().Select(e => $"{e.Type} {e.Id}"))}");
        var untagged = h.Made().Where(e => e.Type is not ("network-interface" or "scaling-policy")).ToList();
        Assert.True(untagged.Count == 0, $"{context}: left untagged {string.Join(", ", untagged.Select(e => $"{e.Type} {e.Id}"))}");
    }
}
