namespace FargateApi.Simulation.Authorization;

/// <summary>One permission the simulation checked for a call, and IAM's answer: what the provider's role was asked for.</summary>
public sealed record AccessCheckRecord(string Service, string Operation, string Action, string Resource, AccessEffect Effect);
