namespace FargateApi.Desired;

/// <summary>
/// One condition of a statement the provider writes: <c>"Condition": {Operator: {Key: [Values]}}</c>, true when the
/// request's value of <see cref="Key"/> is any of <see cref="Values"/> ("IAM JSON policy elements: Condition operators":
/// a condition key with several values is a logical OR).
/// </summary>
internal sealed record PolicyCondition(string Operator, string Key, ValueList<string> Values)
{
    public const string StringEquals = "StringEquals";

    /// <summary>
    /// The condition key that limits a KMS permission to requests an AWS service makes on the principal's behalf; its
    /// values are service endpoints, <c>secretsmanager.us-east-1.amazonaws.com</c> (KMS developer guide, "AWS KMS
    /// condition keys", kms:ViaService).
    /// </summary>
    public const string KmsViaService = "kms:ViaService";

    public override string ToString() => $"{Key} is {string.Join(" or ", Values)}";
}
