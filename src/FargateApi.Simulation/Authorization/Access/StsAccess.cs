namespace FargateApi.Simulation.Authorization.Access;

/// <summary>STS API reference, GetCallerIdentity: "No permissions are required to perform this operation."</summary>
internal static class StsAccess
{
    public static IEnumerable<AccessCheck> GetCallerIdentity() => [];
}
