namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// The names of the edge's enums, as <c>ToString()</c> would give them. In a Native AOT binary <see cref="Enum.ToString()"/>
/// finds the names through the reflection metadata: the first call builds reflection's type objects and pages in most of
/// the 700 KB metadata blob, all to print "Create" or "Failed" in a log line (docs/benchmarks.md). A switch costs nothing.
/// </summary>
internal static class EnumNames
{
    public static string Of(RequestType requestType) => requestType switch
    {
        RequestType.Create => nameof(RequestType.Create),
        RequestType.Update => nameof(RequestType.Update),
        RequestType.Delete => nameof(RequestType.Delete),
        _ => ((int)requestType).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Of(ResponseStatus status) => status switch
    {
        ResponseStatus.Success => nameof(ResponseStatus.Success),
        ResponseStatus.Failed => nameof(ResponseStatus.Failed),
        _ => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
