using System.Text.Json;
using System.Text.Json.Nodes;

namespace FargateApi.Lambda.Tests.EndToEnd;

/// <summary>
/// Issue 12, item 1: an attacker who may invoke the provider sends the events CloudFormation would, for a victim's
/// stack, with the ids read off the victim's resource tags. Verification (DescribeStackResource against the stacks the
/// simulation holds) refuses them: FAILED to the forged ResponseURL, and no AWS call but the check itself.
/// </summary>
public sealed class ForgedEventTests
{
    [Fact]
    public async Task Forged_delete_of_a_settled_stack_is_refused_and_nothing_is_deleted()
    {
        await using var provider = new SimulatedProvider(verifyEvents: true);
        var (victim, physicalId) = await CreateVictimAsync(provider);
        var live = provider.Created;
        var calls = provider.Aws.Calls.Count;

        var forged = Reissue(victim, "Delete", "forged-delete", physicalId);
        var outcome = await provider.InvokeAsync(forged);

        Assert.Equal("response", outcome.Kind);
        var answer = LastAnswer(provider);
        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.Contains("CREATE_COMPLETE, not DELETE_IN_PROGRESS", answer.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(physicalId, answer.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal(live, provider.Created);
        Assert.All(provider.Aws.Calls.Records.Skip(calls), call => Assert.Equal("DescribeStackResource", call.Operation));
    }

    [Fact]
    public async Task Forged_update_deploying_another_image_under_the_victims_roles_is_refused_and_nothing_changes()
    {
        await using var provider = new SimulatedProvider(verifyEvents: true);
        var (victim, physicalId) = await CreateVictimAsync(provider);
        var before = provider.Aws.Snapshot().LiveBeyondSeed.Count;
        var calls = provider.Aws.Calls.Count;

        var forged = Reissue(victim, "Update", "forged-update", physicalId);
        forged["OldResourceProperties"] = SimulatedProvider.ValidProperties();
        var attackers = SimulatedProvider.ValidProperties();
        attackers.Remove("ImageTag");
        attackers["Image"] = "210987654321.dkr.ecr.us-east-1.amazonaws.com/exfiltrate:latest";
        forged["ResourceProperties"] = attackers;
        await provider.InvokeAsync(forged);

        var answer = LastAnswer(provider);
        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.Contains("not UPDATE_IN_PROGRESS", answer.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, provider.Aws.Snapshot().LiveBeyondSeed.Count);
        Assert.All(provider.Aws.Calls.Records.Skip(calls), call => Assert.Equal("DescribeStackResource", call.Operation));
        Assert.DoesNotContain(provider.Aws.Calls.Records, call => call.Operation == "RegisterTaskDefinition" && call.Sequence > calls);
    }

    [Fact]
    public async Task Forged_delete_naming_a_stack_that_does_not_exist_is_refused()
    {
        await using var provider = new SimulatedProvider(verifyEvents: true);
        var (victim, physicalId) = await CreateVictimAsync(provider);
        var live = provider.Created;

        var forged = Reissue(victim, "Delete", "forged-delete-other-stack", physicalId);
        forged["StackId"] = "arn:aws:cloudformation:us-east-1:123456789012:stack/attacker/00000000-0000-0000-0000-000000000000";
        await provider.InvokeAsync(forged);

        var answer = LastAnswer(provider);
        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.Contains("knows no such stack resource", answer.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(live, provider.Created);
    }

    [Fact]
    public async Task Update_and_delete_that_cloudformation_is_sending_go_through()
    {
        await using var provider = new SimulatedProvider(verifyEvents: true);
        var (victim, physicalId) = await CreateVictimAsync(provider);
        var stackId = victim["StackId"]!.GetValue<string>();

        provider.Aws.SetStackResourceStatus(stackId, SimulatedProvider.LogicalId, "UPDATE_IN_PROGRESS");
        var update = Reissue(victim, "Update", "real-update", physicalId);
        update["OldResourceProperties"] = SimulatedProvider.ValidProperties();
        var v2 = SimulatedProvider.ValidProperties();
        v2["ImageTag"] = "v2";
        update["ResourceProperties"] = v2;
        await provider.InvokeAsync(update);
        Assert.Equal("SUCCESS", LastAnswer(provider).GetProperty("Status").GetString());

        provider.Aws.SetStackResourceStatus(stackId, SimulatedProvider.LogicalId, "DELETE_IN_PROGRESS");
        var delete = Reissue(victim, "Delete", "real-delete", physicalId);
        delete["ResourceProperties"] = v2.DeepClone();
        await provider.InvokeAsync(delete);
        Assert.Equal("SUCCESS", LastAnswer(provider).GetProperty("Status").GetString());
        Assert.Equal(0, provider.Created);
    }

    /// <summary>The victim's stack as CloudFormation made it: the resource CREATE_IN_PROGRESS while created, then settled.</summary>
    private static async Task<(JsonObject Create, string PhysicalId)> CreateVictimAsync(SimulatedProvider provider)
    {
        var stackId = provider.Aws.DeclareStack("victim-app");
        provider.Aws.DeclareStackResource(stackId, SimulatedProvider.LogicalId, "Custom::FargateApi", "CREATE_IN_PROGRESS");
        var create = provider.Create(requestId: "victim-create");
        create["StackId"] = stackId;
        await provider.InvokeAsync(create);
        var answer = LastAnswer(provider);
        Assert.Equal("SUCCESS", answer.GetProperty("Status").GetString());
        var physicalId = answer.GetProperty("PhysicalResourceId").GetString()!;
        provider.Aws.SetStackResourceStatus(stackId, SimulatedProvider.LogicalId, "CREATE_COMPLETE", physicalId);
        return (create, physicalId);
    }

    private static JsonObject Reissue(JsonObject create, string requestType, string requestId, string physicalId)
    {
        var reissued = (JsonObject)create.DeepClone();
        reissued["RequestType"] = requestType;
        reissued["RequestId"] = requestId;
        reissued["PhysicalResourceId"] = physicalId;
        return reissued;
    }

    private static JsonElement LastAnswer(SimulatedProvider provider) => JsonDocument.Parse(provider.Puts[^1].Body).RootElement;
}
