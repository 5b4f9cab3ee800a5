using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using FargateApi.Aws.Credentials;
using FargateApi.Aws.Signing;
using FargateApi.Benchmarks;

// Cost of signing, the work every AWS call repeats per attempt. Run:
//   dotnet run -c Release --project bench/FargateApi.Benchmarks
// Figures go to stdout as a table; nothing is asserted (timings vary by machine).

// Lambda's execution-role session tokens run to about a thousand characters; they are part of every canonical request.
var credentials = new AwsCredentials("ASIABENCHMARKEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", new string('T', 800));
var clock = TimeProvider.System;
var signer = new RequestSigner(clock);
var endpoint = new Uri("https://ecs.eu-west-1.amazonaws.com/");
KeyValuePair<string, string>[] jsonHeaders =
[
    new("Content-Type", "application/x-amz-json-1.1"),
    new("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.CreateService"),
];
byte[] createServiceBody = EcsLikeRequest.CreateService();
KeyValuePair<string, string>[] signedJsonHeaders =
[
    new("Host", endpoint.Authority),
    new("X-Amz-Date", SigV4.FormatAmzDate(clock.GetUtcNow())),
    new("X-Amz-Security-Token", credentials.SessionToken!),
    .. jsonHeaders,
];
var lambdaUri = new Uri("https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/my-function%3Alive/invocations?Qualifier=live");

var results = new List<Measurement>
{
    Measurement.Run("sign: ECS CreateService body (warm key cache)", () =>
        signer.Sign("POST", endpoint, jsonHeaders, createServiceBody, credentials, "eu-west-1", "ecs")),
    Measurement.Run("sign: empty body GET, encoded REST path + query", () =>
        signer.Sign("GET", lambdaUri, [], [], credentials, "eu-west-1", "lambda")),
    Measurement.Run("sign: same, signing key derived each time (cold cache)", () =>
        SigV4.Sign(
            new SigV4Request("POST", "/", "", signedJsonHeaders, SigV4.HashHex(createServiceBody)),
            credentials, "eu-west-1", "ecs", clock.GetUtcNow(), new SigningKeyCache())),
    Measurement.Run("serialize ECS CreateService JSON (Utf8JsonWriter)", () => EcsLikeRequest.CreateService()),
    Measurement.Run("serialize + sign ECS CreateService", () =>
        signer.Sign("POST", endpoint, jsonHeaders, EcsLikeRequest.CreateService(), credentials, "eu-west-1", "ecs")),
};

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"FargateApi signing benchmark — {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, body {createServiceBody.Length} bytes"));
Console.WriteLine();
Console.WriteLine($"{"case",-56} {"µs/op",9} {"bytes/op",10}");
Console.WriteLine(new string('-', 77));
foreach (Measurement m in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Name,-56} {m.MicrosecondsPerOp,9:F2} {m.BytesPerOp,10:F0}"));
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median of {results[0].Rounds} rounds x {results[0].OpsPerRound} ops after warm-up; bytes = managed allocations on this thread (GC.GetAllocatedBytesForCurrentThread)"));

/// <summary>A CreateService body shaped like the one the provisioner sends (about 1 KB), written without reflection.</summary>
internal static class EcsLikeRequest
{
    public static byte[] CreateService()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1536);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("cluster", "arn:aws:ecs:eu-west-1:123456789012:cluster/production");
            json.WriteString("serviceName", "orders-api-7f3a9c");
            json.WriteString("taskDefinition", "arn:aws:ecs:eu-west-1:123456789012:task-definition/orders-api-7f3a9c:42");
            json.WriteNumber("desiredCount", 2);
            json.WriteString("launchType", "FARGATE");
            json.WriteString("platformVersion", "LATEST");
            json.WriteString("clientToken", "3f2b7c1e-0d4a-4e59-9a61-5b8f2d7c9e10");
            json.WriteNumber("healthCheckGracePeriodSeconds", 60);
            json.WriteStartArray("loadBalancers");
            json.WriteStartObject();
            json.WriteString("targetGroupArn", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/orders-api-7f3a9c/0123456789abcdef");
            json.WriteString("containerName", "app");
            json.WriteNumber("containerPort", 8080);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("networkConfiguration");
            json.WriteStartObject("awsvpcConfiguration");
            json.WriteStartArray("subnets");
            json.WriteStringValue("subnet-0a1b2c3d4e5f60718");
            json.WriteStringValue("subnet-0b1c2d3e4f5a60719");
            json.WriteEndArray();
            json.WriteStartArray("securityGroups");
            json.WriteStringValue("sg-0123456789abcdef0");
            json.WriteEndArray();
            json.WriteString("assignPublicIp", "DISABLED");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("deploymentConfiguration");
            json.WriteStartObject("deploymentCircuitBreaker");
            json.WriteBoolean("enable", true);
            json.WriteBoolean("rollback", true);
            json.WriteEndObject();
            json.WriteNumber("maximumPercent", 200);
            json.WriteNumber("minimumHealthyPercent", 100);
            json.WriteEndObject();
            json.WriteBoolean("enableECSManagedTags", true);
            json.WriteString("propagateTags", "SERVICE");
            json.WriteStartArray("tags");
            foreach ((string key, string value) in (ReadOnlySpan<(string, string)>)
                [("fargate-api:stack", "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/5b8f2d7c"), ("fargate-api:logical-id", "OrdersApi"), ("team", "orders")])
            {
                json.WriteStartObject();
                json.WriteString("key", key);
                json.WriteString("value", value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
