namespace FargateApi.Naming;

/// <summary>
/// Which generation a replacement builds. At most two generations of a resource live at once (the one serving and the one
/// replacing it, until CloudFormation's cleanup Delete removes the old), so they alternate between the seed's names
/// (generation 0: <c>{prefix}-{service}-service</c>, …) and one suffixed slot (generation 1: <c>…-service-g1</c>). Users keep
/// the seed's names whenever they are free, and replacements never run out of names. A replacement that renames the
/// service (ProjectPrefix or ServiceName) makes names no generation used, so it takes the seed's.
/// </summary>
/// <remarks>Generations above 1 come from stacks made before the slots alternated; the one after them is the seed's.</remarks>
public static class Generations
{
    public const int Seed = 0;

    public const int Alternate = 1;

    /// <summary>The generation a replacement of <paramref name="current"/> by <paramref name="next"/>'s names builds.</summary>
    public static int After(ResourceNames current, ResourceNames next) =>
        current.ProjectPrefix != next.ProjectPrefix || current.ServiceName != next.ServiceName || current.Generation != Seed
            ? Seed
            : Alternate;

    /// <summary>The other slot beside <paramref name="generation"/>: where the generation it replaced (or that replaces it) lives.</summary>
    public static int Other(int generation) => generation == Seed ? Alternate : generation == Alternate ? Seed : generation - 1;
}
