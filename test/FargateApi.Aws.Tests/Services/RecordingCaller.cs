using System.Text;
using System.Text.Json;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Services;

/// <summary>
/// An <see cref="IAwsCaller"/> that records every request and answers from a queue of canned responses or errors; with the queue
/// empty it answers the smallest success its protocol allows (<c>{}</c>, an empty query/ec2 envelope, 202 for Lambda).
/// </summary>
internal sealed class RecordingCaller : IAwsCaller
{
    private readonly Queue<Func<AwsService, AwsRequest, AwsResponse>> _answers = new();

    public List<(AwsService Service, AwsRequest Request)> Calls { get; } = [];

    public AwsRequest Last => Calls[^1].Request;

    public string LastBody => Encoding.UTF8.GetString(Last.Body);

    public RecordingCaller Answer(string body, int statusCode = 200)
    {
        var response = new AwsResponse(statusCode, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));
        _answers.Enqueue((_, _) => response);
        return this;
    }

    /// <summary>Answers the next call with the error the real caller would throw for <paramref name="errorCode"/>.</summary>
    public RecordingCaller Fail(string errorCode, int httpStatus = 400)
    {
        _answers.Enqueue((service, request) => throw new AwsServiceException(service.EndpointPrefix, request.Operation, errorCode, "simulated", httpStatus, "r-1"));
        return this;
    }

    public Task<AwsResponse> SendAsync(AwsService service, AwsRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add((service, request));
        return Task.FromResult(_answers.Count > 0 ? _answers.Dequeue()(service, request) : DefaultAnswer(service, request.Operation));
    }

    /// <summary>The last JSON body, re-serialized compactly, so a test can compare it with one expected string.</summary>
    public string LastJson()
    {
        using var document = JsonDocument.Parse(Last.Body);
        return JsonSerializer.Serialize(document.RootElement);
    }

    /// <summary>The last form body decoded into its name/value pairs, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LastForm() => Form(Last);

    public static IReadOnlyList<KeyValuePair<string, string>> Form(AwsRequest request)
        => [.. Encoding.UTF8.GetString(request.Body)
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1])))];

    /// <summary>The last form body as "Name=value" lines (decoded), for readable exact comparisons.</summary>
    public string[] LastFormLines() => [.. LastForm().Select(p => $"{p.Key}={p.Value}")];

    private static AwsResponse DefaultAnswer(AwsService service, string operation)
    {
        var (status, body) = service.Protocol switch
        {
            AwsProtocol.Json => (200, "{}"),
            AwsProtocol.Query => (200, $"<{operation}Response><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></{operation}Response>"),
            AwsProtocol.Ec2 => (200, $"<{operation}Response><requestId>r-1</requestId><return>true</return></{operation}Response>"),
            _ => (202, ""),
        };
        return new AwsResponse(status, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));
    }
}
