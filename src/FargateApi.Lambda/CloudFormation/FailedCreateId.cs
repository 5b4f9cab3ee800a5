using System.Text;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// The PhysicalResourceId of a Create that failed. CloudFormation always follows a failed Create with a Delete carrying
/// this id (research pitfall 6; aws/aws-cdk#5525); an empty id would turn into "Invalid PhysicalResourceId" and hide the
/// Reason. Deterministic (a retried request gets the same id) and recognisable, so the Delete knows there is no
/// finished stack behind it, only whatever a partial Create left, which the lifecycle finds by its tags.
/// </summary>
internal static class FailedCreateId
{
    public const string Prefix = "fargate-api-create-failed:";

    /// <summary>Hex characters of the RequestId's SHA-256 kept: enough to tell two failed Creates of one resource apart.
    /// The managed <see cref="Sha256"/> keeps OpenSSL out of the invalid-input path; the digest, and so the id, is the same.</summary>
    private const int HashLength = 12;

    /// <summary>"The logical ID must be alphanumeric (A-Za-z0-9) and unique within the template", at most 255 characters
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html): a longer one
    /// comes from a malformed event and is cut so the id stays far below the 1 KB limit.</summary>
    public const int MaxLogicalIdLength = 255;

    public static string For(string logicalResourceId, string requestId)
    {
        if (logicalResourceId.Length > MaxLogicalIdLength)
        {
            logicalResourceId = logicalResourceId[..MaxLogicalIdLength];
        }

        var hash = Convert.ToHexStringLower(Sha256.HashData(Encoding.UTF8.GetBytes(requestId)))[..HashLength];
        return $"{Prefix}{logicalResourceId}:{hash}";
    }

    public static bool IsFailedCreate(string? physicalResourceId) =>
        physicalResourceId is not null && physicalResourceId.StartsWith(Prefix, StringComparison.Ordinal);
}
