using FargateApi.Aws.Services.Sts;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="IStsClient"/>: the provider's own role in the simulated account.</summary>
internal sealed class SimulatedStsClient(SimulatedAws aws) : IStsClient
{
    public const string RoleName = "fargate-api-provider";
    public const string SessionName = "bootstrap";

    public Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(SimServices.Sts, "GetCallerIdentity", "-", StsAccess.GetCallerIdentity, () => new CallerIdentity(
            aws.Options.AccountId,
            $"arn:aws:sts::{aws.Options.AccountId}:assumed-role/{RoleName}/{SessionName}",
            $"AROA{aws.Options.AccountId}EXAMPLE:{SessionName}",
            "aws"), cancellationToken);
}
