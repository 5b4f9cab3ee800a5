using FargateApi.Aws.Http;

namespace FargateApi.Provisioning;

/// <summary>Matching AWS error codes, for the steps that treat "already exists" as found and "not found" as gone.</summary>
internal static class AwsErrorMatch
{
    public static bool Is(this Exception exception, params ReadOnlySpan<string> codes)
    {
        if (exception is not AwsServiceException aws)
        {
            return false;
        }

        foreach (var code in codes)
        {
            if (string.Equals(aws.ErrorCode, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs <paramref name="call"/>, treating the listed codes as success (a delete of what is already gone).</summary>
    public static async Task<bool> IgnoringAsync(Func<Task> call, params string[] codes)
    {
        try
        {
            await call().ConfigureAwait(false);
            return true;
        }
        catch (AwsServiceException error) when (error.Is(codes))
        {
            return false;
        }
    }
}
