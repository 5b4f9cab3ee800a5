using FargateApi.Lifecycle.Tests.Support;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Replacements alternate between the seed's names and one suffixed slot (Generations): users keep the seed's names
/// whenever they are free, and no number of replacements runs out of names.
/// </summary>
public sealed class GenerationSlotTests
{
    private const string SeedId = "arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service";
    private const string SlotId = "arn:aws:ecs:us-east-1:123456789012:service/" + Harness.OtherCluster + "/myproj-app-api-service-g1";

    [Fact]
    public async Task A_second_replacement_returns_to_the_seeds_names_once_the_cleanup_freed_them()
    {
        var h = new Harness();
        // To another cluster and back: replacements that keep every name.
        var first = h.InAnotherCluster(Props.Seed);
        var second = Props.Seed;
        await h.CreateAsync();
        var replaced = (await h.UpdateAsync(SeedId, Props.Seed, first)).PhysicalResourceId;
        await h.DeleteAsync(SeedId, Props.Seed);

        var again = (await h.UpdateAsync(replaced, first, second)).PhysicalResourceId;
        await h.DeleteAsync(replaced, first);

        Assert.Equal(SlotId, replaced);
        Assert.Equal(SeedId, again);
        Assert.Equal("myproj-app-api-service", Assert.Single(h.Ours("service"), e => e.IsLive).Id.Split('/')[^1]);
    }

    [Fact]
    public async Task Rollback_of_a_replacement_back_onto_the_seeds_names_returns_to_the_older_slot()
    {
        var h = new Harness();
        // To another cluster and back: replacements that keep every name.
        var first = h.InAnotherCluster(Props.Seed);
        var second = Props.Seed;
        await h.CreateAsync();
        await h.UpdateAsync(SeedId, Props.Seed, first);
        await h.DeleteAsync(SeedId, Props.Seed);
        var again = (await h.UpdateAsync(SlotId, first, second)).PhysicalResourceId;

        // Another resource of the stack failed: CloudFormation rolls this one back, then deletes the new id.
        var rolledBack = await h.UpdateAsync(again, second, first);
        await h.DeleteAsync(again, second);

        Assert.Equal(SlotId, rolledBack.PhysicalResourceId);
        Assert.EndsWith("-g1", Assert.Single(h.Ours("service"), e => e.IsLive).Id, StringComparison.Ordinal);
        Assert.Single(h.Ours("log-group"));
    }

    [Fact]
    public async Task A_rename_keeps_the_seeds_names()
    {
        var h = new Harness();
        await h.CreateAsync();

        var renamed = await h.UpdateAsync(SeedId, Props.Seed, Props.Seed with { ServiceName = "web-api" });

        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-web-api-service", renamed.PhysicalResourceId);
    }
}
