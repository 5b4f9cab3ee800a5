namespace FargateApi.Simulation.Core;

/// <summary>What every store needs: where it lives (account, region), ids, the clock and the consistency setting.</summary>
internal sealed class SimulationContext(SimulationOptions options)
{
    public SimulationOptions Options { get; } = options;

    public IdGenerator Ids { get; } = new();

    public string Account => Options.AccountId;

    public string Region => Options.Region;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>Tests flip eventual consistency on and off at run time; new resources read it when created.</summary>
    public int InvisibleReadsAfterCreate { get; set; } = options.InvisibleReadsAfterCreate;

    public T Created<T>(T resource)
        where T : SimulatedResource
    {
        resource.InvisibleReads = InvisibleReadsAfterCreate;
        return resource;
    }

    public string Arn(string service, string resource, bool global = false) =>
        $"arn:aws:{service}:{(global ? string.Empty : Region)}:{Account}:{resource}";
}
