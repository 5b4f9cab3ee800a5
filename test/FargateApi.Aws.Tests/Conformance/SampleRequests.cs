namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// Every typed-client method, called with a fully populated sample request (one file per service: SampleRequests.&lt;Service&gt;.cs).
/// The conformance tests run each through <see cref="ModelAnsweringCaller"/> and hold the request to the model.
/// </summary>
internal static partial class SampleRequests
{
    public static IReadOnlyList<ConformanceCase> All { get; } =
        [.. EcsCases(), .. ElbCases(), .. AutoScalingCases(), .. LogsCases(), .. Ec2Cases(), .. IamCases(), .. OtherCases()];

    public static ConformanceCase ById(string id) =>
        All.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"no conformance case {id}");
}
