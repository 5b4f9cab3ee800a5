namespace FargateApi.Simulation.Authorization;

/// <summary>One permission the simulation checked for a call, the request context it was checked with, and IAM's answer.</summary>
public sealed record AccessCheckRecord(
    string Service,
    string Operation,
    string Action,
    string Resource,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Context,
    AccessEffect Effect);
