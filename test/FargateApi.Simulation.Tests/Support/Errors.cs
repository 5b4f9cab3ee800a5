using FargateApi.Aws.Http;

namespace FargateApi.Simulation.Tests.Support;

internal static class Errors
{
    public static async Task<AwsServiceException> Expect(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(call);
        Assert.Equal(code, error.ErrorCode);
        return error;
    }
}
