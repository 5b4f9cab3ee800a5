using FargateApi.Simulation.Adapters;

namespace FargateApi.Simulation.Core;

/// <summary>What every store needs: where it lives (account, region), ids, the clock and the consistency settings.</summary>
internal sealed class SimulationContext(SimulationOptions options)
{
    public SimulationOptions Options { get; } = options;

    public IdGenerator Ids { get; } = new();

    /// <summary>The simulation's own draws (ENI linger times); seeded so runs repeat.</summary>
    public Random Random { get; } = new(options.RandomSeed);

    public string Account => Options.AccountId;

    public string Region => Options.Region;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>The provider's own identity, as STS answers it and as AccessDenied messages name it.</summary>
    public string CallerArn => $"arn:aws:sts::{Account}:assumed-role/{SimulatedStsClient.RoleName}/{SimulatedStsClient.SessionName}";

    /// <summary>Tests flip eventual consistency on and off at run time; new resources read it when created.</summary>
    public int InvisibleReadsAfterCreate { get; set; } = options.InvisibleReadsAfterCreate;

    /// <summary>The time form of <see cref="InvisibleReadsAfterCreate"/>; flipped the same way (the seed network is made without it).</summary>
    public TimeSpan InvisibleAfterCreate { get; set; } = options.InvisibleAfterCreate;

    public T Created<T>(T resource)
        where T : SimulatedResource
    {
        resource.InvisibleReads = InvisibleReadsAfterCreate;
        if (InvisibleAfterCreate > TimeSpan.Zero)
        {
            resource.InvisibleUntil = Now + InvisibleAfterCreate;
            resource.Clock = Options.TimeProvider;
        }

        return resource;
    }

    public string Arn(string service, string resource, bool global = false) =>
        $"arn:aws:{service}:{(global ? string.Empty : Region)}:{Account}:{resource}";
}
