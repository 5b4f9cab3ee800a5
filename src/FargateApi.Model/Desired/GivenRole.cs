namespace FargateApi.Desired;

/// <summary>
/// A role the properties name (<c>TaskRoleArn</c> / <c>ExecutionRoleArn</c>) instead of letting the provider make it: the
/// payload of the check that it is not a role the provider made for another owner.
/// </summary>
/// <param name="Property">The property that names it, for the error.</param>
/// <param name="OwnerTags">This resource's ownership tags: a role the provider made carries them only if it is this resource's.</param>
internal sealed record GivenRole(string Property, string Arn, ValueMap OwnerTags) : IDesiredResource
{
    /// <summary>The role's name: the last part of its ARN (<c>arn:…:role/path/name</c>); IAM role names are unique per account.</summary>
    public string Name => Arn[(Arn.LastIndexOf('/') + 1)..];

    public IEnumerable<Field> Fields() =>
    [
        new(Property, Arn),
    ];

    /// <summary>The roles of <paramref name="stack"/> its properties name, each with this resource's ownership tags.</summary>
    public static IReadOnlyList<GivenRole> Of(DesiredStack stack) =>
    [
        .. stack.ExecutionRole is null ? [new GivenRole("ExecutionRoleArn", stack.TaskDefinition.ExecutionRoleArn, stack.TaskDefinition.Tags)] : Array.Empty<GivenRole>(),
        .. stack.TaskRole is null ? [new GivenRole("TaskRoleArn", stack.TaskDefinition.TaskRoleArn, stack.TaskDefinition.Tags)] : Array.Empty<GivenRole>(),
    ];
}
