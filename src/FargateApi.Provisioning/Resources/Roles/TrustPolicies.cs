using System.Text.Json;

namespace FargateApi.Provisioning.Resources.Roles;

/// <summary>
/// Whether a role's trust policy is the declared one: the same JSON, whatever the whitespace (IAM returns the document as
/// stored, URL-encoded, and the client decodes it: IAM API reference, Role.AssumeRolePolicyDocument). A document that
/// does not parse is not the declared one.
/// </summary>
internal static class TrustPolicies
{
    public static bool Same(string? actual, string declared)
    {
        if (string.IsNullOrEmpty(actual))
        {
            return false;
        }

        try
        {
            using var left = JsonDocument.Parse(actual);
            using var right = JsonDocument.Parse(declared);
            return JsonElement.DeepEquals(left.RootElement, right.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
