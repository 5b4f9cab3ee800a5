namespace FargateApi.Simulation.Tests;

/// <summary>GetSecretValue over the secrets a test puts: ids, versions and staging labels as Secrets Manager resolves them.</summary>
public sealed class SecretsManagerTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Name = "fargate-api/continuation-key";

    [Fact]
    public async Task A_secret_is_found_by_name_by_arn_and_by_the_arn_without_its_suffix()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock });
        var arn = aws.PutSecret(Name, "k3y");
        var partial = arn[..arn.LastIndexOf('-')];

        var byName = await aws.SecretsManager.GetSecretValueAsync(new(Name), None);
        var byArn = await aws.SecretsManager.GetSecretValueAsync(new(arn), None);
        var byPartialArn = await aws.SecretsManager.GetSecretValueAsync(new(partial), None);

        Assert.Matches($"^arn:aws:secretsmanager:us-east-1:123456789012:secret:{Name}-[0-9a-zA-Z]{{6}}$", arn);
        Assert.Equal(("k3y", arn, Name, clock.GetUtcNow()), (byName.SecretString, byName.ARN, byName.Name, byName.CreatedDate));
        Assert.Equal(["AWSCURRENT"], byName.VersionStages);
        Assert.All(new[] { byArn, byPartialArn }, v => Assert.Equal((byName.VersionId, "k3y"), (v.VersionId, v.SecretString)));
    }

    [Fact]
    public async Task Each_put_moves_AWSCURRENT_to_the_new_version_and_AWSPREVIOUS_to_the_one_before()
    {
        var aws = new SimulatedAws();
        aws.PutSecret(Name, "first");
        var first = await aws.SecretsManager.GetSecretValueAsync(new(Name), None);
        aws.PutSecret(Name, "second");
        aws.PutSecret(Name, "third");

        var current = await aws.SecretsManager.GetSecretValueAsync(new(Name), None);
        var previous = await aws.SecretsManager.GetSecretValueAsync(new(Name, VersionStage: "AWSPREVIOUS"), None);
        var oldest = await aws.SecretsManager.GetSecretValueAsync(new(Name, VersionId: first.VersionId), None);

        Assert.Equal(("third", "second", "first"), (current.SecretString, previous.SecretString, oldest.SecretString));
        Assert.Equal(["AWSPREVIOUS"], previous.VersionStages);
        Assert.Empty(oldest.VersionStages);
        Assert.Equal(3, new[] { current.VersionId, previous.VersionId, oldest.VersionId }.Distinct().Count());
    }

    [Fact]
    public async Task A_binary_secret_comes_back_as_its_bytes()
    {
        var aws = new SimulatedAws();
        aws.PutSecret(Name, new byte[] { 0, 1, 2, 255 });

        var value = await aws.SecretsManager.GetSecretValueAsync(new(Name), None);

        Assert.Equal([0, 1, 2, 255], value.SecretBinary);
        Assert.Null(value.SecretString);
    }

    [Fact]
    public async Task A_missing_secret_and_a_name_with_the_arn_suffix_are_ResourceNotFoundException()
    {
        var aws = new SimulatedAws();
        var arn = aws.PutSecret(Name, "k3y");
        var nameWithSuffix = arn[(arn.IndexOf(":secret:", StringComparison.Ordinal) + ":secret:".Length)..];

        var missing = await Errors.Expect("ResourceNotFoundException", () => aws.SecretsManager.GetSecretValueAsync(new("fargate-api/other"), None));
        await Errors.Expect("ResourceNotFoundException", () => aws.SecretsManager.GetSecretValueAsync(new(nameWithSuffix), None));
        await Errors.Expect("ResourceNotFoundException", () => aws.SecretsManager.GetSecretValueAsync(new(arn.Replace("us-east-1", "eu-west-1", StringComparison.Ordinal)), None));

        Assert.Equal("Secrets Manager can't find the specified secret.", missing.ErrorMessage);
    }

    [Fact]
    public async Task A_missing_version_is_ResourceNotFoundException_naming_the_label_or_id_asked_for()
    {
        var aws = new SimulatedAws();
        aws.PutSecret(Name, "k3y");

        var noPrevious = await Errors.Expect("ResourceNotFoundException", () => aws.SecretsManager.GetSecretValueAsync(new(Name, VersionStage: "AWSPREVIOUS"), None));
        var noVersion = await Errors.Expect("ResourceNotFoundException",
            () => aws.SecretsManager.GetSecretValueAsync(new(Name, VersionId: "00000000-0000-0000-0000-000000000000"), None));

        Assert.Equal("Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS", noPrevious.ErrorMessage);
        Assert.Equal("Secrets Manager can't find the specified secret value for VersionId: 00000000-0000-0000-0000-000000000000", noVersion.ErrorMessage);
    }
}
