using System.Text.Json.Nodes;

namespace FargateApi.Lambda.Tests;

/// <summary>CloudFormation custom resource events as they arrive, properties stringified the way CloudFormation does it.</summary>
internal static class Events
{
    public const string StackId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/shop/5b2c8f10-1111-2222-3333-444455556666";
    public const string LogicalResourceId = "ApiService";
    public const string ServiceToken = "arn:aws:lambda:eu-west-1:123456789012:function:provider";

    /// <summary>Valid properties, every number as a string.</summary>
    public static JsonObject ValidProperties() => new()
    {
        ["ServiceToken"] = ServiceToken,
        ["ProjectPrefix"] = "acme",
        ["ServiceName"] = "api",
        ["Cpu"] = "512",
        ["Memory"] = "1024",
        ["ContainerPort"] = "8000",
        ["Priority"] = "10",
    };

    public static JsonObject Create(Uri responseUrl, JsonObject? properties = null, string requestId = "11111111-aaaa-bbbb-cccc-000000000001") => new()
    {
        ["RequestType"] = "Create",
        ["ServiceToken"] = ServiceToken,
        ["ResponseURL"] = responseUrl.ToString(),
        ["StackId"] = StackId,
        ["RequestId"] = requestId,
        ["LogicalResourceId"] = LogicalResourceId,
        ["ResourceType"] = "Custom::FargateApi",
        ["ResourceProperties"] = properties ?? ValidProperties(),
    };

    public static JsonObject Update(Uri responseUrl, string physicalId, JsonObject? properties = null, JsonObject? oldProperties = null)
    {
        var update = Create(responseUrl, properties, "11111111-aaaa-bbbb-cccc-000000000002");
        update["RequestType"] = "Update";
        update["PhysicalResourceId"] = physicalId;
        update["OldResourceProperties"] = oldProperties ?? ValidProperties();
        return update;
    }

    public static JsonObject Delete(Uri responseUrl, string physicalId, JsonObject? properties = null)
    {
        var delete = Create(responseUrl, properties, "11111111-aaaa-bbbb-cccc-000000000003");
        delete["RequestType"] = "Delete";
        delete["PhysicalResourceId"] = physicalId;
        return delete;
    }
}
