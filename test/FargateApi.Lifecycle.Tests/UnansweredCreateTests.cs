using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// A Create whose answer CloudFormation never got (cancelled because a sibling failed, or past its deadline) is followed by
/// a Delete with an id CloudFormation generated (remind101/empire#918, aws-cloudformation/custom-resource-helper#7). That
/// Delete removes whatever the Create made under this resource's ownership tags, and nothing of anyone else's.
/// </summary>
public sealed class UnansweredCreateTests
{
    private const string GeneratedId = "myproj-app-AppApi-1A2B3C4D5E6F";

    [Fact]
    public async Task Delete_with_a_generated_id_after_a_finished_create_removes_the_whole_stack()
    {
        var h = new Harness();
        await h.CreateAsync(); // its answer never reached CloudFormation

        await h.DeleteAsync(GeneratedId);

        Assert.Empty(h.Ours());
        Assert.Empty(h.Made());
    }

    [Fact]
    public async Task Delete_with_a_generated_id_after_a_create_cut_short_by_its_deadline_removes_what_it_made()
    {
        var h = new Harness();
        var identity = Harness.Identity() with { InvocationDeadline = h.Clock.GetUtcNow() + TimeSpan.FromSeconds(20) };
        var cut = await h.Provisioner.CreateAsync(identity, Props.Seed, CancellationToken.None);
        Assert.False(cut.IsFinished); // CloudFormation gave up before the continuation finished

        await h.DeleteAsync(GeneratedId);

        Assert.Empty(h.Ours());
        var resumed = await h.Provisioner.ResumeAsync(Harness.Identity(), cut.Continuation!, null, null, Props.Seed, CancellationToken.None);
        Assert.NotNull(resumed.Abandoned);
        Assert.Empty(h.Ours());
    }

    [Fact]
    public async Task Delete_with_a_generated_id_leaves_the_same_names_of_another_stack_alone()
    {
        var h = new Harness();
        var otherStack = new ResourceIdentity(Harness.StackId.Replace("myproj-app/", "myproj-other/", StringComparison.Ordinal), Harness.LogicalId, "request-other");
        await h.Provisioner.CreateAsync(otherStack, Props.Seed, CancellationToken.None);
        var before = h.Made().Count;

        await h.DeleteAsync(GeneratedId);

        Assert.Equal(before, h.Made().Count);
        Assert.DoesNotContain(h.Aws.Calls.Records, c => c.Succeeded && c.Operation.StartsWith("Delete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_with_a_generated_id_of_a_create_that_made_nothing_changes_nothing()
    {
        var h = new Harness();

        await h.DeleteAsync(GeneratedId);

        Assert.Empty(h.Made());
        Assert.DoesNotContain(h.Aws.Calls.Records, c => c.Succeeded && DeleteAndNetworkTests.Mutating.Any(verb => c.Operation.StartsWith(verb, StringComparison.Ordinal)));
    }
}
