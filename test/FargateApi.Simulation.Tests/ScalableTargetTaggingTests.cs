using FargateApi.Aws.Services.ApplicationAutoScaling;

namespace FargateApi.Simulation.Tests;

/// <summary>
/// A scalable target takes tags from RegisterScalableTarget only when that call creates it; afterwards only TagResource and
/// UntagResource change them (application-autoscaling model, RegisterScalableTargetRequest.Tags).
/// </summary>
public sealed class ScalableTargetTaggingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(SimulatedAws Aws, string ResourceId)> WithServiceAsync(SimulationOptions? options = null)
    {
        var aws = new SimulatedAws(options);
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        return (aws, AutoScalingValues.EcsServiceResourceId(network.ClusterName, stack.ServiceName));
    }

    private static async Task<IReadOnlyDictionary<string, string>> TagsOfAsync(SimulatedAws aws, string arn) =>
        await aws.ApplicationAutoScaling.ListTagsForResourceAsync(arn, None);

    [Fact]
    public async Task Tags_of_the_creating_register_apply_and_those_of_a_later_register_do_not()
    {
        var (aws, resourceId) = await WithServiceAsync(new SimulationOptions { RejectTagsOnRegisteredScalableTarget = false });
        var arn = await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(
            new() { ResourceId = resourceId, MinCapacity = 1, MaxCapacity = 4, Tags = new Dictionary<string, string> { ["team"] = "a" } }, None);

        var again = await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(
            new() { ResourceId = resourceId, MinCapacity = 2, MaxCapacity = 6, Tags = new Dictionary<string, string> { ["team"] = "b", ["cost-centre"] = "42" } }, None);

        Assert.Equal(arn, again);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "a" }, await TagsOfAsync(aws, arn!));
        var target = Assert.Single((await aws.ApplicationAutoScaling.DescribeScalableTargetsAsync(new() { ResourceIds = [resourceId] }, None)).ScalableTargets);
        Assert.Equal((2, 6), (target.MinCapacity, target.MaxCapacity));
    }

    [Fact]
    public async Task Where_tags_on_an_existing_target_are_refused_the_register_changes_nothing()
    {
        var (aws, resourceId) = await WithServiceAsync(new SimulationOptions { RejectTagsOnRegisteredScalableTarget = true });
        var arn = await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(
            new() { ResourceId = resourceId, MinCapacity = 1, MaxCapacity = 4, Tags = new Dictionary<string, string> { ["team"] = "a" } }, None);

        var error = await Errors.Expect("ValidationException", () => aws.ApplicationAutoScaling.RegisterScalableTargetAsync(
            new() { ResourceId = resourceId, MinCapacity = 2, MaxCapacity = 6, Tags = new Dictionary<string, string> { ["team"] = "b" } }, None));
        await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MaxCapacity = 8 }, None);

        Assert.Equal("The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the TagResource API.", error.ErrorMessage);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "a" }, await TagsOfAsync(aws, arn!));
        var target = Assert.Single((await aws.ApplicationAutoScaling.DescribeScalableTargetsAsync(new() { ResourceIds = [resourceId] }, None)).ScalableTargets);
        Assert.Equal((1, 8), (target.MinCapacity, target.MaxCapacity));
    }

    [Fact]
    public async Task Tag_resource_adds_and_overwrites_and_untag_resource_removes_only_the_named_keys()
    {
        var (aws, resourceId) = await WithServiceAsync();
        var arn = (await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(
            new() { ResourceId = resourceId, MinCapacity = 1, MaxCapacity = 4, Tags = new Dictionary<string, string> { [SimStack.StackTag] = "s", ["team"] = "a" } }, None))!;

        await aws.ApplicationAutoScaling.TagResourceAsync(arn, new Dictionary<string, string> { ["team"] = "b", ["cost-centre"] = "42" }, None);
        Assert.Equal(new Dictionary<string, string> { [SimStack.StackTag] = "s", ["team"] = "b", ["cost-centre"] = "42" }, await TagsOfAsync(aws, arn));

        await aws.ApplicationAutoScaling.UntagResourceAsync(arn, ["team", "never-set"], None);
        Assert.Equal(new Dictionary<string, string> { [SimStack.StackTag] = "s", ["cost-centre"] = "42" }, await TagsOfAsync(aws, arn));
    }

    [Fact]
    public async Task A_deregistered_target_arn_is_ResourceNotFoundException_and_a_malformed_one_a_ValidationException()
    {
        var (aws, resourceId) = await WithServiceAsync();
        var arn = (await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MinCapacity = 1, MaxCapacity = 4 }, None))!;
        await aws.ApplicationAutoScaling.DeregisterScalableTargetAsync(resourceId, None);

        var gone = await Errors.Expect("ResourceNotFoundException",
            () => aws.ApplicationAutoScaling.TagResourceAsync(arn, new Dictionary<string, string> { ["team"] = "a" }, None));
        await Errors.Expect("ResourceNotFoundException", () => aws.ApplicationAutoScaling.ListTagsForResourceAsync(arn, None));
        var malformed = await Errors.Expect("ValidationException", () => aws.ApplicationAutoScaling.UntagResourceAsync(resourceId, ["team"], None));

        Assert.Equal("The specified resource doesn't exist.", gone.ErrorMessage);
        Assert.StartsWith($"1 validation error detected: Value '{resourceId}' at 'resourceARN'", malformed.ErrorMessage, StringComparison.Ordinal);
    }
}
