using FargateApi.Resilience.Tests.Support;

namespace FargateApi.Resilience.Tests;

/// <summary>
/// The race the 50-resource run exposed, made deterministic: two resources behind one listener, deleted at the same
/// time. Whatever the other resource does to its own rule in the meantime, our Delete must finish and leave nothing.
/// </summary>
public sealed class SharedListenerTests
{
    private static readonly Properties.ServiceProperties First = Props.Numbered(1);
    private static readonly Properties.ServiceProperties Second = Props.Numbered(2);

    [Fact]
    public async Task Delete_finishes_when_a_sibling_resource_deletes_its_rule_while_ours_works_on_the_listener()
    {
        var world = CrashMatrix.NewWorld();
        var first = (await world.Process().CreateAsync(World.Identity("create-1", "Svc01"), First, CancellationToken.None)).PhysicalResourceId;
        var second = (await world.Process().CreateAsync(World.Identity("create-2", "Svc02"), Second, CancellationToken.None)).PhysicalResourceId;

        // The sibling's whole Delete lands right after our rule listing, while we delete our rule: the listing we act on
        // still shows the sibling's rule. (Reading its tags then failed with RuleNotFound before the Delete learned to
        // look only at rules forwarding to its own target groups.)
        var sibling = new BeforeCall(
            (operation, _) => operation == "DeleteRuleAsync",
            () => world.Process().DeleteAsync(World.Identity("delete-2", "Svc02"), second, Second, CancellationToken.None));
        var failure = await Record.ExceptionAsync(() =>
            world.Process(sibling).DeleteAsync(World.Identity("delete-1", "Svc01"), first, First, CancellationToken.None));

        Assert.True(sibling.Fired, "the sibling's Delete never ran: the race window was not reached");
        Assert.True(failure is null, $"our Delete failed: {failure}");
        var leftovers = await world.LeftoversAsync();
        Assert.True(leftovers.Count == 0, $"left: {string.Join(", ", leftovers.Select(e => $"{e.Type} {e.Id}"))}");
    }
}
