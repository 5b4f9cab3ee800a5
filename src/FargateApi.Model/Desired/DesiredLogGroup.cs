using FargateApi.Properties;

namespace FargateApi.Desired;

/// <param name="Arn">The log group ARN as IAM wants it for log streams: <c>arn:…:log-group:&lt;name&gt;:*</c>
/// (the form CloudFormation's <c>AWS::Logs::LogGroup</c> Arn attribute returns and CDK grants on).</param>
/// <param name="RemovalPolicy">Read by Delete only; no AWS call carries it.</param>
internal sealed record DesiredLogGroup(string Name, string Arn, int RetentionDays, RemovalPolicy RemovalPolicy, ValueMap Tags) : IDesiredResource
{
    public IEnumerable<Field> Fields() =>
    [
        new("Name", Name),
        Field.Of("RetentionInDays", RetentionDays),
        Field.Of("RemovalPolicy", RemovalPolicy),
        .. Field.Tags(Tags),
    ];
}
